package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How far a Velero Restore has got. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RestoreProgress extends VeleroObject {

    /** Items Velero expects to restore. */
    @JsonProperty("totalItems")
    private Integer totalItems;

    /** Items restored so far. */
    @JsonProperty("itemsRestored")
    private Integer itemsRestored;

    public Integer getTotalItems() {
        return totalItems;
    }

    public void setTotalItems(Integer totalItems) {
        this.totalItems = totalItems;
    }

    public Integer getItemsRestored() {
        return itemsRestored;
    }

    public void setItemsRestored(Integer itemsRestored) {
        this.itemsRestored = itemsRestored;
    }
}
