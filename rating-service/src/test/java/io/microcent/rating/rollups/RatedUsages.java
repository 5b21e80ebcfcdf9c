package io.microcent.rating.rollups;

import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.CostCenterId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.PlanId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.id.TeamId;
import io.microcent.model.id.UserId;
import io.microcent.model.money.Microcents;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.Tag;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.kafka.KafkaConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Rated usage as rating publishes it, built field by field for tests, and put on {@code usage.rated}. */
public final class RatedUsages {

    private final CustomerId customer;
    private final Instant at;
    private BillingPeriod period;
    private String project;
    private String costCenter;
    private String apiKey;
    private String user;
    private String team;
    private String provider;
    private String model;
    private List<Tag> tags = List.of();
    private long requests = 1;
    private long inputTokens;
    private long outputTokens;
    private long cacheReadTokens;
    private long cacheWriteTokens;
    private long cost;
    private long charge;

    private RatedUsages(CustomerId customer, Instant at) {
        this.customer = customer;
        this.at = at;
        this.period = BillingPeriod.containing(at);
    }

    /** One request at {@code at}, rated in that month, with no dimensions, tokens, cost or charge yet. */
    public static RatedUsages usage(CustomerId customer, Instant at) {
        return new RatedUsages(customer, at);
    }

    public static CustomerId newCustomer() {
        return CustomerId.of("acme-" + UUID.randomUUID());
    }

    public RatedUsages ratedIn(String period) {
        this.period = BillingPeriod.parse(period);
        return this;
    }

    public RatedUsages project(String project) {
        this.project = project;
        return this;
    }

    public RatedUsages costCenter(String costCenter) {
        this.costCenter = costCenter;
        return this;
    }

    public RatedUsages apiKey(String apiKey) {
        this.apiKey = apiKey;
        return this;
    }

    public RatedUsages user(String user) {
        this.user = user;
        return this;
    }

    public RatedUsages team(String team) {
        this.team = team;
        return this;
    }

    public RatedUsages model(String provider, String model) {
        this.provider = provider;
        this.model = model;
        return this;
    }

    public RatedUsages tags(String... tags) {
        this.tags = Arrays.stream(tags).map(Tag::of).toList();
        return this;
    }

    public RatedUsages requests(long requests) {
        this.requests = requests;
        return this;
    }

    public RatedUsages tokens(long input, long output, long cacheRead, long cacheWrite) {
        this.inputTokens = input;
        this.outputTokens = output;
        this.cacheReadTokens = cacheRead;
        this.cacheWriteTokens = cacheWrite;
        return this;
    }

    public RatedUsages cost(long costMicrocents, long chargeMicrocents) {
        this.cost = costMicrocents;
        this.charge = chargeMicrocents;
        return this;
    }

    public RatedUsage build() {
        UsageEvent event = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-" + UUID.randomUUID()), customer,
                at, at.plusMillis(20),
                project == null ? null : ProjectId.of(project),
                costCenter == null ? null : CostCenterId.of(costCenter),
                apiKey == null ? null : ApiKeyId.of(apiKey),
                user == null ? null : UserId.of(user),
                team == null ? null : TeamId.of(team),
                provider,
                model == null ? null : ModelId.of(model),
                requests, inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, null, tags);
        return new RatedUsage(event, period, PlanId.of("starter"), requests, 0, Microcents.of(cost), Microcents.of(charge));
    }

    /** A customer other than {@code customer} whose records land on the same partition of {@code usage.rated}. */
    public static CustomerId newCustomerOnThePartitionOf(CustomerId customer, int partitions) {
        while (true) {
            CustomerId other = newCustomer();
            if (partitionOf(other, partitions) == partitionOf(customer, partitions)) {
                return other;
            }
        }
    }

    private static int partitionOf(CustomerId customer, int partitions) {
        byte[] key = Topics.USAGE_RATED.keySerde().serializer().serialize(Topics.USAGE_RATED.name(), customer);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    /** The number of partitions of {@code usage.rated}. */
    public static int partitions(String bootstrap) {
        try (var producer = new KafkaProducer<>(KafkaConfigs.durableProducer(bootstrap, "rollups-test-partitions"),
                Topics.USAGE_RATED.keySerde().serializer(), Topics.USAGE_RATED.valueSerde().serializer())) {
            return producer.partitionsFor(Topics.USAGE_RATED.name()).size();
        }
    }

    /** Publishes each batch as one record of {@code usage.rated}, keyed by its first line's customer as rating does. */
    public static void publishBatches(String bootstrap, List<RatedBatch> batches) {
        try (var producer = new KafkaProducer<>(KafkaConfigs.durableProducer(bootstrap, "rollups-test-rated-batches"),
                Topics.USAGE_RATED_BATCHES.keySerde().serializer(), Topics.USAGE_RATED_BATCHES.valueSerde().serializer())) {
            for (RatedBatch batch : batches) {
                producer.send(new ProducerRecord<>(Topics.USAGE_RATED_BATCHES.name(), batch.lines().getFirst().event().customer(), batch)).get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish rated batches", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes the usage to {@code usage.rated}, keyed by customer as rating does, and waits for the acknowledgement. */
    public static void publish(String bootstrap, List<RatedUsage> usages) {
        try (var producer = new KafkaProducer<>(KafkaConfigs.durableProducer(bootstrap, "rollups-test-rated"),
                Topics.USAGE_RATED.keySerde().serializer(), Topics.USAGE_RATED.valueSerde().serializer())) {
            for (RatedUsage usage : usages) {
                producer.send(new ProducerRecord<>(Topics.USAGE_RATED.name(), usage.event().customer(), usage)).get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish rated usage", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
