package io.microcent.invoicing.read.invoicepdf;

import io.microcent.invoicing.read.customers.CustomerView;
import io.microcent.invoicing.read.invoices.InvoiceView;
import io.microcent.model.usage.BillingPeriod;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

/**
 * An invoice as a PDF, drawn with PDFBox in the standard Helvetica (not embedded, so the text is extractable and
 * nothing is shipped). The bytes are a pure function of what it is given: no current time, no random document id
 * (both derived from the invoice), and nothing that changes after finalization (no payment status, no Stripe
 * status). So a finalized invoice's PDF is the same document every time it is asked for; a draft's changes with
 * its lines and is marked as a draft.
 */
public final class InvoicePdf {

    static final String DRAFT_NOTE = "DRAFT \u2014 not final, amounts may change";
    private static final String PRODUCER = "Microcent invoicing";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private static final PDRectangle PAGE = PDRectangle.LETTER;
    private static final float MARGIN = 56;
    private static final float QUANTITY_RIGHT = PAGE.getWidth() - MARGIN - 110;
    private static final float AMOUNT_RIGHT = PAGE.getWidth() - MARGIN;
    private static final float DESCRIPTION_WIDTH = QUANTITY_RIGHT - MARGIN - 90;
    private static final float BODY = 10;
    private static final float LEADING = 14;

    private InvoicePdf() {
    }

    /**
     * @param invoice  as the invoice API shows it: its lines' cents and its totals are printed as they are
     * @param customer whom it bills
     */
    public static byte[] render(InvoiceView invoice, CustomerView customer) {
        boolean draft = invoice.finalizedAt() == null;
        // a draft's document is of the moment it was drafted; a final one's of its finalization
        Instant issued = draft ? invoice.createdAt() : invoice.finalizedAt();
        try (PDDocument document = new PDDocument()) {
            document.setDocumentId(documentId(invoice.id()));
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Invoice " + invoice.id());
            info.setAuthor(PRODUCER);
            info.setProducer(PRODUCER);
            info.setCreator(PRODUCER);
            info.setCreationDate(calendar(issued));
            info.setModificationDate(calendar(issued));

            Writer out = new Writer(document);
            out.text(Font.BOLD, 20, MARGIN, "Invoice");
            out.down(LEADING * 1.6f);
            if (draft) {
                out.text(Font.BOLD, 12, MARGIN, DRAFT_NOTE);
                out.down(LEADING * 1.4f);
            }
            out.pair("Invoice number", invoice.id());
            BillingPeriod period = BillingPeriod.parse(invoice.period());
            out.pair("Billing period", MONTH.format(period.month()) + " (" + DAY.format(period.start()) + " to "
                    + DAY.format(period.endExclusive().minusSeconds(1)) + ")");
            out.pair("Issue date", draft ? "not issued yet" : DAY.format(invoice.finalizedAt()));
            out.down(LEADING * 0.6f);
            out.text(Font.BOLD, BODY, MARGIN, "Billed to");
            out.down(LEADING);
            out.text(Font.REGULAR, BODY, MARGIN, customer.name());
            out.down(LEADING);
            out.text(Font.REGULAR, BODY, MARGIN, "Customer id: " + customer.id().raw());
            out.down(LEADING);
            if (customer.email() != null) {
                out.text(Font.REGULAR, BODY, MARGIN, customer.email());
                out.down(LEADING);
            }
            out.down(LEADING);

            out.tableHeader();
            for (InvoiceView.Line line : invoice.lines()) {
                out.line(line.description(), Long.toString(line.quantity()), dollars(line.amountCents()));
            }
            out.rule();
            out.down(LEADING * 0.3f);
            out.total("Subtotal", dollars(invoice.subtotalCents()), false);
            out.total("Discounts", dollars(Math.negateExact(invoice.discountCents())), false);
            out.total("Total", dollars(invoice.totalCents()), false);
            if (invoice.creditCents() > 0) {
                out.total("Credit to your balance", dollars(invoice.creditCents()), false);
            }
            out.total("Amount due (" + invoice.currency().toUpperCase(Locale.ROOT) + ")", dollars(invoice.amountDueCents()), true);
            out.close();

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("an invoice PDF could not be written", e);
        }
    }

    /** US dollars from cents, e.g. {@code $1,234.50}, {@code -$1.54}. */
    static String dollars(long cents) {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        return (amount.signum() < 0 ? "-" : "") + "$" + String.format(Locale.ROOT, "%,.2f", amount.abs());
    }

    /** The PDF's /ID seed: from the invoice id, never the time (which PDFBox would take otherwise). */
    private static long documentId(String invoiceId) {
        return UUID.nameUUIDFromBytes(invoiceId.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }

    private static Calendar calendar(Instant at) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
        calendar.setTimeInMillis(at.toEpochMilli());
        return calendar;
    }

    private enum Font {
        REGULAR(Standard14Fonts.FontName.HELVETICA), BOLD(Standard14Fonts.FontName.HELVETICA_BOLD);

        final Standard14Fonts.FontName name;

        Font(Standard14Fonts.FontName name) {
            this.name = name;
        }
    }

    /** Writes top to bottom, starting a new page when one is full. */
    private static final class Writer {

        private final PDDocument document;
        /** One per document: PDFBox fonts cache widths and are not for sharing between threads. */
        private final Map<Font, PDType1Font> fonts = new EnumMap<>(Font.class);
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            for (Font font : Font.values()) {
                fonts.put(font, new PDType1Font(font.name));
            }
            newPage();
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PAGE);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            y = PAGE.getHeight() - MARGIN;
        }

        void down(float by) throws IOException {
            y -= by;
            if (y < MARGIN) {
                newPage();
            }
        }

        void text(Font font, float size, float x, String text) throws IOException {
            page.beginText();
            page.setFont(fonts.get(font), size);
            page.newLineAtOffset(x, y);
            page.showText(printable(font, text));
            page.endText();
        }

        void right(Font font, float size, float rightX, String text) throws IOException {
            String shown = printable(font, text);
            text(font, size, rightX - width(font, size, shown), shown);
        }

        void pair(String label, String value) throws IOException {
            text(Font.BOLD, BODY, MARGIN, label);
            text(Font.REGULAR, BODY, MARGIN + 100, value);
            down(LEADING);
        }

        void tableHeader() throws IOException {
            text(Font.BOLD, BODY, MARGIN, "Description");
            right(Font.BOLD, BODY, QUANTITY_RIGHT, "Quantity");
            right(Font.BOLD, BODY, AMOUNT_RIGHT, "Amount");
            down(LEADING);
            rule();
            down(LEADING * 0.3f);
        }

        /** One invoice line; a long description wraps, the figures stay on its first row. */
        void line(String description, String quantity, String amount) throws IOException {
            List<String> rows = wrap(printable(Font.REGULAR, description));
            right(Font.REGULAR, BODY, QUANTITY_RIGHT, quantity);
            right(Font.REGULAR, BODY, AMOUNT_RIGHT, amount);
            for (String row : rows) {
                text(Font.REGULAR, BODY, MARGIN, row);
                down(LEADING);
            }
        }

        void total(String label, String amount, boolean strong) throws IOException {
            Font font = strong ? Font.BOLD : Font.REGULAR;
            right(font, strong ? 12 : BODY, QUANTITY_RIGHT, label);
            right(font, strong ? 12 : BODY, AMOUNT_RIGHT, amount);
            down(LEADING * (strong ? 1.3f : 1f));
        }

        /** A line under the row written last (whose baseline is one leading above the next one). */
        void rule() throws IOException {
            float at = y + LEADING - 4;
            page.moveTo(MARGIN, at);
            page.lineTo(AMOUNT_RIGHT, at);
            page.setLineWidth(0.5f);
            page.stroke();
        }

        void close() throws IOException {
            page.close();
        }

        private List<String> wrap(String text) throws IOException {
            List<String> rows = new ArrayList<>();
            StringBuilder row = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = row.isEmpty() ? word : row + " " + word;
                if (!row.isEmpty() && width(Font.REGULAR, BODY, candidate) > DESCRIPTION_WIDTH) {
                    rows.add(row.toString());
                    row = new StringBuilder(word);
                } else {
                    row = new StringBuilder(candidate);
                }
            }
            rows.add(row.toString());
            return rows;
        }

        private float width(Font font, float size, String text) throws IOException {
            return fonts.get(font).getStringWidth(text) / 1000 * size;
        }

        /** The text with what the font cannot encode (outside WinAnsi, control characters) as {@code ?}. */
        private String printable(Font font, String text) {
            StringBuilder shown = new StringBuilder();
            text.codePoints().forEach(codePoint -> {
                String character = Character.toString(codePoint);
                shown.append(Character.isISOControl(codePoint) || !encodable(font, character) ? "?" : character);
            });
            return shown.toString();
        }

        private boolean encodable(Font font, String character) {
            try {
                fonts.get(font).encode(character);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }
}
