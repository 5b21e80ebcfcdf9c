package io.microcent.caps.write;

import io.microcent.model.id.CustomerId;

/**
 * What the cap decisions need to know, rebuilt from the cap's events: whether it was created, whether it
 * was deleted since, whose it is and its changeable settings.
 *
 * @param customer {@code null} until created
 * @param settings {@code null} until created
 */
public record CurrentCap(boolean created, boolean deleted, CustomerId customer, CapSettings settings) {

    public static final CurrentCap NONE = new CurrentCap(false, false, null, null);

    public static CurrentCap createdFor(CustomerId customer, CapSettings settings) {
        return new CurrentCap(true, false, customer, settings);
    }

    /** Created and not deleted: the only state in which a cap can be changed. */
    public boolean active() {
        return created && !deleted;
    }

    public CurrentCap withSettings(CapSettings newSettings) {
        return new CurrentCap(created, deleted, customer, newSettings);
    }

    public CurrentCap asDeleted() {
        return new CurrentCap(created, true, customer, settings);
    }
}
