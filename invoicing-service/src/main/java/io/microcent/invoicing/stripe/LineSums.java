package io.microcent.invoicing.stripe;

import java.util.List;

/** The one check that Stripe items made of an invoice's lines collect exactly its amount due. */
final class LineSums {

    private LineSums() {
    }

    /** Why items of these cents would not add up to {@code amountDueCents}, or {@code null} when they do. */
    static String mismatch(List<Long> lineCents, long amountDueCents) {
        long sum = 0;
        for (int i = 0; i < lineCents.size(); i++) {
            Long cents = lineCents.get(i);
            if (cents == null) {
                return "line " + i + " has no amount in cents";
            }
            try {
                sum = Math.addExact(sum, cents);
            } catch (ArithmeticException e) {
                return "the lines' amounts overflow";
            }
        }
        return sum == amountDueCents ? null
                : "the lines add up to " + sum + " cents, not the amount due of " + amountDueCents + " cents";
    }
}
