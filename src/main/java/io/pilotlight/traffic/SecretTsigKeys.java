package io.pilotlight.traffic;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.plan.Rfc2136Traffic;
import io.pilotlight.api.v1alpha1.plan.TsigAlgorithm;
import io.pilotlight.api.v1alpha1.plan.TsigSecretRef;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Reads the TSIG key of an RFC 2136 traffic section from the Secret named by {@code tsigSecretRef}, in
 * the plan's namespace: the key's name under {@code keyNameKey} (default {@code keyName}) and the
 * base64 secret, as in the server's {@code key} statement, under {@code secretKey} (default
 * {@code secret}). Errors name the Secret and the key, never the value.
 */
public class SecretTsigKeys implements TsigKeySource {

    static final String DEFAULT_KEY_NAME_KEY = "keyName";
    static final String DEFAULT_SECRET_KEY = "secret";

    private final KubernetesClient client;
    private final String namespace;
    private final Rfc2136Traffic spec;

    public SecretTsigKeys(KubernetesClient client, String planNamespace, Rfc2136Traffic spec) {
        this.client = client;
        this.namespace = planNamespace;
        this.spec = spec;
    }

    @Override
    public Optional<TsigKey> key() throws TrafficSwitchException {
        TsigSecretRef ref = spec.getTsigSecretRef();
        if (ref == null) {
            return Optional.empty();
        }
        String where = "Secret " + namespace + "/" + ref.getName();
        Secret secret;
        try {
            secret = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
        } catch (KubernetesClientException e) {
            throw KubeErrors.of("Reading the TSIG " + where, e);
        }
        if (secret == null) {
            throw new TrafficSwitchException(TrafficSwitchException.SECRET_INVALID,
                    "The TSIG " + where + " (rfc2136.tsigSecretRef) does not exist.");
        }
        return Optional.of(fromData(secret.getData(), ref, spec.getTsigAlgorithm(), where));
    }

    /** The key from a Secret's data (values base64-encoded, as the API returns them). */
    public static TsigKey fromData(Map<String, String> data, TsigSecretRef ref, TsigAlgorithm algorithm, String where)
            throws TrafficSwitchException {
        String nameKey = ref.getKeyNameKey() == null ? DEFAULT_KEY_NAME_KEY : ref.getKeyNameKey();
        String secretKey = ref.getSecretKey() == null ? DEFAULT_SECRET_KEY : ref.getSecretKey();
        String keyName = value(data, nameKey, where);
        String secretText = value(data, secretKey, where);
        Name name;
        try {
            name = Name.fromString(keyName, Name.root);
        } catch (TextParseException e) {
            throw new TrafficSwitchException(TrafficSwitchException.SECRET_INVALID,
                    "The value of key \"" + nameKey + "\" in the TSIG " + where + " is not a valid TSIG key name.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(secretText.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            // no cause, no detail: the decoder's message quotes a character of the secret
            bytes = null;
        }
        if (bytes == null || bytes.length == 0) {
            throw new TrafficSwitchException(TrafficSwitchException.SECRET_INVALID,
                    "The value of key \"" + secretKey + "\" in the TSIG " + where
                            + " is not a base64 TSIG secret (give it as in the server's key statement, e.g. the output of tsig-keygen).");
        }
        return new TsigKey(name, algorithm == null ? TsigAlgorithm.HMAC_SHA256 : algorithm, bytes, where);
    }

    private static String value(Map<String, String> data, String key, String where) throws TrafficSwitchException {
        String encoded = data == null ? null : data.get(key);
        if (encoded == null) {
            throw new TrafficSwitchException(TrafficSwitchException.SECRET_INVALID,
                    "The TSIG " + where + " has no key \"" + key + "\".");
        }
        String value;
        try {
            value = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).trim();
        } catch (IllegalArgumentException e) {
            value = "";
        }
        if (value.isEmpty()) {
            throw new TrafficSwitchException(TrafficSwitchException.SECRET_INVALID,
                    "The key \"" + key + "\" of the TSIG " + where + " is empty.");
        }
        return value;
    }
}
