package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Where in object storage a BackupStorageLocation keeps backups. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObjectStorageLocation extends VeleroObject {

    /** Bucket name. */
    @JsonProperty("bucket")
    private String bucket;

    /** Path prefix inside the bucket. */
    @JsonProperty("prefix")
    private String prefix;

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }
}
