package io.microcent.deploy.cluster;

import java.time.Duration;

/** Thread.sleep without the checked exception: the harness treats an interrupt as the end of the run. */
final class Pause {

    private Pause() {
    }

    static void of(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
