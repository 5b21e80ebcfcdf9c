package io.microcent.invoicing.generate;

import io.microcent.model.money.Cents;

import java.util.List;

/**
 * An invoice in cents ({@link InvoiceFinalizer#finalize}).
 *
 * @param subtotalCents  the sum of the rounded lines other than discounts
 * @param discountCents  what the discounts took off, as a positive amount: the sum of the rounded discount lines
 * @param totalCents     {@code subtotalCents − discountCents}, the sum of all rounded lines; below zero only when
 *                       proration credits outweigh the charges, never because of a discount
 * @param amountDueCents what the customer is asked to pay: {@code totalCents}, or zero when that is negative
 * @param creditCents    what is owed to the customer instead when {@code totalCents} is negative, else zero
 */
public record FinalizedInvoice(List<RoundedLine> lines, Cents subtotalCents, Cents discountCents, Cents totalCents,
                               Cents amountDueCents, Cents creditCents) {

    public FinalizedInvoice {
        lines = List.copyOf(lines);
    }
}
