package org.actrack.engine.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row per user that has ever owned a tracker: the row {@code track} and {@code untrack} lock (inserting
 * it the first time) before they read and change the user's trackers, so that concurrent calls for the same
 * user run one after the other and never insert the same tracker twice. Not API; never read.
 */
@ExcludeDefaultListeners
@Entity(name = "ActrackTrackerOwner")
@Table(name = "actrack_tracker_owner")
public class TrackerOwnerEntity {

    @Id
    @Column(name = "owner_key", nullable = false, length = ActionReferenceEntity.KEY_LENGTH)
    private String ownerKey;

    protected TrackerOwnerEntity() {
    }

    public TrackerOwnerEntity(String ownerKey) {
        this.ownerKey = ownerKey;
    }

    public String getOwnerKey() {
        return ownerKey;
    }
}
