package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How far a Velero Backup has got. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupProgress extends VeleroObject {

    /** Items Velero expects to back up. */
    @JsonProperty("totalItems")
    private Integer totalItems;

    /** Items backed up so far. */
    @JsonProperty("itemsBackedUp")
    private Integer itemsBackedUp;

    public Integer getTotalItems() {
        return totalItems;
    }

    public void setTotalItems(Integer totalItems) {
        this.totalItems = totalItems;
    }

    public Integer getItemsBackedUp() {
        return itemsBackedUp;
    }

    public void setItemsBackedUp(Integer itemsBackedUp) {
        this.itemsBackedUp = itemsBackedUp;
    }
}
