package io.microcent.rating.pricebook.write;

import io.microcent.rating.pricebook.litellm.SkippedEntry;

import java.time.Instant;
import java.util.List;

/**
 * What an import did.
 *
 * @param imported  models whose price in effect at {@code effectiveFrom} was new or different, now recorded
 * @param unchanged models whose price in effect then was already exactly this one; nothing recorded
 * @param skipped   catalog entries left out, with the reason
 */
public record ImportSummary(Instant effectiveFrom, int imported, int unchanged, List<SkippedEntry> skipped) {

    public ImportSummary {
        skipped = List.copyOf(skipped);
    }
}
