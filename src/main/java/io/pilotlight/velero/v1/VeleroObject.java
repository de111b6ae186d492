package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every Velero model object below the custom resource itself (specs, statuses and nested types).
 * <p>
 * Velero's API grows with each release and we model only the fields Pilotlight uses. Every property that
 * has no field here lands in {@link #getAdditionalProperties()} when read and is written back unchanged,
 * so a read-modify-write (e.g. an update of a Schedule's template) never drops what a newer Velero, or
 * another tool, put there. This is the pattern of Fabric8's own models, done with plain Jackson so it
 * works with any ObjectMapper.
 */
public abstract class VeleroObject {

    @JsonIgnore
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    /** Properties read from the API that this model has no field for; written back as they are. */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }
}
