/**
 * Traffic switching between a plan's two sites, one provider per plan behind {@link io.pilotlight.traffic.TrafficSwitch}.
 * <ul>
 * <li>{@link io.pilotlight.traffic.TrafficSwitches} picks the provider from {@code spec.traffic} (none: a no-op that says so).</li>
 * <li>{@link io.pilotlight.traffic.ExternalDnsSwitch}: a DNSEndpoint, created when absent and labelled as Pilotlight's,
 * else only its {@code recordName} endpoint is patched. It lives where ExternalDNS watches it: by default the cluster
 * the operator runs in (the plan API's wording), or the cluster whose client the caller passes.</li>
 * <li>{@link io.pilotlight.traffic.GatewayApiSwitch}: the user's HTTPRoute, never created; only weights are patched;
 * a rule holding one of the two backends is refused rather than reshaped ({@link io.pilotlight.traffic.HttpRouteWeights}).</li>
 * <li>{@link io.pilotlight.traffic.Rfc2136Switch}: an RFC 2136 update signed with the TSIG key of the plan's Secret,
 * short timeouts and bounded retries, confirmed by a query.</li>
 * <li>{@link io.pilotlight.traffic.TrafficValidation}: what the schema cannot check (address and host name syntax).</li>
 * </ul>
 * Every switch is idempotent: switching to where traffic already goes writes nothing and says so.
 */
package io.pilotlight.traffic;
