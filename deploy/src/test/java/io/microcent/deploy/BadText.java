package io.microcent.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A JSON value that no id or label field may take, with a name for the failure message. Ids and labels
 * end up in URLs, logs, CSV exports, invoices and webhooks, so text that can hide, reorder or break what
 * surrounds it is refused: C0 and C1 controls, DEL, lone surrogates, the Unicode line and paragraph
 * separators, bidirectional overrides and isolates. Also blank, over-long, and not a string at all.
 */
record BadText(String name, byte[] json) {

    private static final String[] PLACEMENTS = {"start", "middle", "end"};

    /** Every character no id or label may contain. */
    static List<Integer> forbiddenCharacters() {
        List<Integer> chars = new ArrayList<>();
        IntStream.rangeClosed(0x00, 0x1F).forEach(chars::add);
        chars.add(0x7F);
        IntStream.rangeClosed(0x80, 0x9F).forEach(chars::add);
        chars.add(0x2028);
        chars.add(0x2029);
        IntStream.rangeClosed(0x202A, 0x202E).forEach(chars::add);
        IntStream.rangeClosed(0x2066, 0x2069).forEach(chars::add);
        chars.addAll(List.of(0xD800, 0xDBFF, 0xDC00, 0xDFFF));
        return chars;
    }

    /**
     * Each forbidden character at the start, in the middle and at the end of a short text, written as a
     * JSON escape and as it is (raw: a control character unescaped is malformed JSON, a lone surrogate
     * raw is invalid UTF-8); then the blank, over-long and wrongly typed values.
     */
    static List<BadText> all() {
        List<BadText> texts = new ArrayList<>();
        for (int c : forbiddenCharacters()) {
            for (String placement : PLACEMENTS) {
                String text = place((char) c, placement);
                texts.add(new BadText(label(c) + "@" + placement + "/escaped", JsonBytes.escapedString(text)));
                texts.add(new BadText(label(c) + "@" + placement + "/raw", JsonBytes.rawString(text)));
            }
        }
        texts.add(new BadText("reversed-surrogate-pair", JsonBytes.escapedString("x\uDC00\uD800")));
        texts.addAll(shapes());
        return texts;
    }

    /** A smaller set for requests that are not about text: each character once, in the middle, escaped; and the shapes. */
    static List<BadText> sample() {
        List<BadText> texts = new ArrayList<>();
        for (int c : forbiddenCharacters()) {
            texts.add(new BadText(label(c) + "@middle/escaped", JsonBytes.escapedString(place((char) c, "middle"))));
        }
        texts.addAll(shapes());
        return texts;
    }

    /** Blank, over-long, and values of the wrong JSON type. */
    static List<BadText> shapes() {
        return List.of(
                new BadText("empty", JsonBytes.escapedString("")),
                new BadText("blank", JsonBytes.escapedString("   ")),
                new BadText("length-201", JsonBytes.escapedString("a".repeat(201))),
                new BadText("length-5000", JsonBytes.escapedString("b".repeat(5_000))),
                new BadText("length-100000", JsonBytes.escapedString("c".repeat(100_000))),
                new BadText("number", JsonBytes.ascii("1")),
                new BadText("negative-number", JsonBytes.ascii("-1")),
                new BadText("fraction", JsonBytes.ascii("1.5")),
                new BadText("true", JsonBytes.ascii("true")),
                new BadText("false", JsonBytes.ascii("false")),
                new BadText("object", JsonBytes.ascii("{}")),
                new BadText("array", JsonBytes.ascii("[]")),
                new BadText("array-of-string", JsonBytes.ascii("[\"a\"]")),
                new BadText("object-with-field", JsonBytes.ascii("{\"a\":\"b\"}")));
    }

    static String label(int c) {
        return String.format("U+%04X", c);
    }

    private static String place(char c, String placement) {
        return switch (placement) {
            case "start" -> c + "ab";
            case "middle" -> "a" + c + "b";
            default -> "ab" + c;
        };
    }
}
