package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Metadata Velero puts on the objects a spec creates (labels of the Backups made by a Schedule). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Metadata extends VeleroObject {

    /** Labels to set. */
    @JsonProperty("labels")
    private Map<String, String> labels;

    public Map<String, String> getLabels() {
        return labels;
    }

    public void setLabels(Map<String, String> labels) {
        this.labels = labels;
    }
}
