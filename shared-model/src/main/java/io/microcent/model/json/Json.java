package io.microcent.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The one JSON configuration shared by topics and HTTP APIs: ISO-8601 instants, nulls omitted, BigDecimal
 * exact, and strict reading — a repeated key or a string where a number belongs is an error, never a guess
 * (which of two {@code "amount"}s counts? is {@code "10"} ten?). Failures are described for clients by
 * {@link JsonReadFailure}.
 */
public final class Json {

    /** No Microcent document nests more than a few levels; deeper ones are refused before they cost stack. */
    public static final int MAX_NESTING_DEPTH = 100;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // "10" is not a number, 1 is not true, 1.5 is not a whole number
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // and true, 1 or 1.5 is not text: an id or a name sent as a number is a client's bug, not "1.5"
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .addModule(new JavaTimeModule())
            // registered after JavaTimeModule, so it takes precedence; anything unusual falls back to JavaTimeModule's
            .addModule(new SimpleModule("fast-instants").addDeserializer(Instant.class, new FastInstantDeserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // readers stay compatible with producers that add fields
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // JSON numbers that carry prices are read as exact decimals, never as binary doubles
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /**
     * The same, except that a decimal string is read as a {@link BigDecimal}: for documents whose format
     * writes money as text on purpose ({@code "monthlyFee": "9.00"}, so that no tool turns it into a binary
     * double on the way), such as the plan catalog. Not for request bodies, where a string is not a number.
     */
    private static final ObjectMapper DECIMAL_TEXT_MAPPER = decimalText(MAPPER.copy());

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@link #mapper()}, reading decimal strings as {@link BigDecimal}s; see {@link #DECIMAL_TEXT_MAPPER}. */
    public static ObjectMapper decimalTextMapper() {
        return DECIMAL_TEXT_MAPPER;
    }

    private static ObjectMapper decimalText(ObjectMapper mapper) {
        mapper.coercionConfigFor(BigDecimal.class).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        return mapper;
    }
}
