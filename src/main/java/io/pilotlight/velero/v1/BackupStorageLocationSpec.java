package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Spec of a Velero BackupStorageLocation. Fields we do not model are kept as additional properties. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupStorageLocationSpec extends VeleroObject {

    /** Object storage plugin, e.g. aws, azure or gcp. */
    @JsonProperty("provider")
    private String provider;

    /** Bucket and prefix. */
    @JsonProperty("objectStorage")
    private ObjectStorageLocation objectStorage;

    /** Provider-specific settings, e.g. region. */
    @JsonProperty("config")
    private Map<String, String> config;

    /** Whether this is Velero's default location. */
    @JsonProperty("default")
    private Boolean defaultLocation;

    /** ReadOnly or ReadWrite; see accessMode(). */
    @JsonProperty("accessMode")
    private String accessMode;

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public ObjectStorageLocation getObjectStorage() {
        return objectStorage;
    }

    public void setObjectStorage(ObjectStorageLocation objectStorage) {
        this.objectStorage = objectStorage;
    }

    public Map<String, String> getConfig() {
        return config;
    }

    public void setConfig(Map<String, String> config) {
        this.config = config;
    }

    public Boolean getDefaultLocation() {
        return defaultLocation;
    }

    public void setDefaultLocation(Boolean defaultLocation) {
        this.defaultLocation = defaultLocation;
    }

    public String getAccessMode() {
        return accessMode;
    }

    public void setAccessMode(String accessMode) {
        this.accessMode = accessMode;
    }

    /** AccessMode as a {@link BackupStorageLocationAccessMode}: {@code null} if absent, BackupStorageLocationAccessMode.UNKNOWN if this operator does not know it. */
    public BackupStorageLocationAccessMode accessMode() {
        return BackupStorageLocationAccessMode.fromValue(accessMode);
    }
}
