package io.microcent.caps.spend;

import io.microcent.caps.spend.CapsOutput.LineSetAside;
import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.caps.CustomerCaps;
import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.kafka.DeadLetterCounter;
import io.microcent.platform.kafka.Failures;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts each line of a batch of rated usage, in order and under the line's own customer (a batch mixes the
 * customers of one partition; the record key is only its first line's): its customer's spend and meters of its
 * billing period and its spend in every scope it carries, per month and per day (whether or not a cap exists
 * yet, so that a cap created mid-period sees the period's spend so far); then checks the customer's caps that
 * apply to the line, so that an alert fires at the line that crosses its threshold. When the batch is done,
 * each changed store key is written once and each checked cap's state is published once, with its final value,
 * and the reservations of the batch's calls are settled.
 *
 * <p>A line that cannot be counted (a sum would overflow) is set aside on {@code dead-letters} alone, with its
 * reason, and counts nothing; the batch's other lines are counted. Usage is never dropped otherwise: usage over
 * a cap is counted (and billed by invoicing) like any other; a hard cap only makes {@code /v1/authorize}
 * refuse new calls.
 */
final class CountSpendAndCheckCaps implements Processor<CustomerId, RatedBatch, CapPeriodKey, CapsOutput> {

    static final String NAME = "count-usage";
    private static final Logger log = LoggerFactory.getLogger(CountSpendAndCheckCaps.class);

    private final Reservations reservations;
    private ProcessorContext<CapPeriodKey, CapsOutput> context;
    private KeyValueStore<CustomerId, CustomerCaps> definitions;
    private BatchSpend spend;
    private CapChecks checks;
    private DeadLetterCounter deadLetters;

    CountSpendAndCheckCaps(Reservations reservations) {
        this.reservations = reservations;
    }

    @Override
    public void init(ProcessorContext<CapPeriodKey, CapsOutput> context) {
        this.context = context;
        this.definitions = context.getStateStore(SpendTopology.DEFINITIONS_STORE);
        this.spend = new BatchSpend(context);
        this.checks = new CapChecks(context);
        this.deadLetters = DeadLetterCounter.from(context.appConfigs());
    }

    @Override
    public void process(Record<CustomerId, RatedBatch> record) {
        RatedBatch batch = record.value();
        if (batch == null) {
            // rating never writes tombstones; say so loudly rather than count nothing silently
            log.error("ignoring a usage.rated record without value, key {}", record.key());
            return;
        }
        spend.discard();
        checks.discard();
        Instant at = Instant.ofEpochMilli(record.timestamp());
        Map<CustomerId, List<ReservationId>> settled = new LinkedHashMap<>();
        List<RatedUsage> lines = batch.lines();
        for (int index = 0; index < lines.size(); index++) {
            RatedUsage line = lines.get(index);
            UsageEvent event = line.event();
            List<ReservationId> calls = settled.computeIfAbsent(event.customer(), customer -> new ArrayList<>());
            if (event.reservationId() != null) {
                // settled also when the line is set aside: the call happened, and release-reservations
                // tombstones its durable copy alike
                calls.add(event.reservationId());
            }
            try {
                spend.count(line, at);
            } catch (StreamsException e) {
                throw e; // a store failing is the infrastructure's, not the line's
            } catch (RuntimeException e) {
                setAside(record, index, line, e);
                continue;
            }
            checkCaps(line, record.timestamp());
        }
        // each customer's sums become visible to authorization with its reservations released, as one step
        settled.forEach((customer, calls) -> reservations.settleAll(customer, calls, () -> spend.write(customer)));
        checks.publish();
    }

    private void checkCaps(RatedUsage line, long timestamp) {
        CustomerCaps caps = definitions.get(line.event().customer());
        if (caps == null) {
            return;
        }
        ScopeIds scopes = ScopeIds.of(line.event());
        for (CapDefinition cap : caps.caps()) {
            if (scopes.matches(cap)) {
                var period = UsagePeriods.of(cap.period(), line);
                checks.check(cap, period, spend.spentOn(cap, period), timestamp);
            }
        }
    }

    /** The line alone on {@code dead-letters}: keyed by its own customer, its value the line as a record of one is written. */
    private void setAside(Record<CustomerId, RatedBatch> record, int index, RatedUsage line, RuntimeException failure) {
        Optional<RecordMetadata> source = context.recordMetadata();
        String topic = source.map(RecordMetadata::topic).orElse(Topics.USAGE_RATED.name());
        CustomerId customer = line.event().customer();
        DeadLetter letter = new DeadLetter(Failures.reasonOf(failure), context.applicationId(), topic,
                source.map(RecordMetadata::partition).orElse(-1), source.map(RecordMetadata::offset).orElse(-1L),
                customer.raw(), NAME + ": line " + (index + 1) + " of " + record.value().lines().size() + ": " + Failures.detail(failure),
                Instant.now(), record.timestamp(), Topics.USAGE_RATED.keySerde().serializer().serialize(topic, customer),
                Topics.USAGE_RATED.valueSerde().serializer().serialize(topic, line));
        log.warn("setting aside {}: {}", letter, letter.detail(), failure);
        deadLetters.count(letter);
        context.forward(new Record<>(null, new LineSetAside(letter), record.timestamp(), letter.headers(record.headers())));
    }
}
