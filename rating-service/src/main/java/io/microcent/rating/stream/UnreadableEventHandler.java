package io.microcent.rating.stream;

import io.microcent.model.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * What rating does with a record it cannot deserialize. A usage event that is not readable is bad data
 * from outside: its original bytes go to {@code usage.dead-letter} with reason {@code unreadable} and the
 * stream goes on. Any other unreadable record ({@code customer.plans}, written by Microcent itself) is a
 * bug: rating stops rather than rate usage under a plan it did not see.
 */
public final class UnreadableEventHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(UnreadableEventHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (!Topics.USAGE_EVENTS.name().equals(record.topic())) {
            log.error("cannot read {}; stopping rating", where, exception);
            return Response.fail();
        }
        log.warn("dead-lettering unreadable usage record {}: {}", where, exception.toString());
        Headers headers = RatingProcessor.withReason(record.headers(), DeadLetterReason.UNREADABLE);
        return Response.resume(List.of(new ProducerRecord<>(Topics.USAGE_DEAD_LETTER.name(), null,
                record.timestamp(), record.key(), record.value(), headers)));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }
}
