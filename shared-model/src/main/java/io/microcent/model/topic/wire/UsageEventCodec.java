package io.microcent.model.topic.wire;

import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.CostCenterId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.id.TeamId;
import io.microcent.model.id.UserId;
import io.microcent.model.usage.Tag;
import io.microcent.model.usage.UsageEvent;

import java.io.IOException;
import java.util.function.Function;

/**
 * {@link UsageEvent} in the field order of {@code avro/UsageEvent.avsc}, written and read by hand (no
 * reflection). Ids are read through their constructors, so a binary record passes the same checks as a JSON
 * one: a malformed id or tag makes it unreadable.
 */
final class UsageEventCodec {

    private UsageEventCodec() {
    }

    static void write(AvroWriter out, UsageEvent event) throws IOException {
        out.writeInt(event.schemaVersion());
        out.writeString(event.id().raw());
        out.writeString(event.customer().raw());
        out.writeInstant(event.timestamp());
        out.writeInstant(event.ingestedAt());
        out.writeOptionalString(event.project() == null ? null : event.project().raw());
        out.writeOptionalString(event.costCenter() == null ? null : event.costCenter().raw());
        out.writeOptionalString(event.apiKeyId() == null ? null : event.apiKeyId().raw());
        out.writeOptionalString(event.user() == null ? null : event.user().raw());
        out.writeOptionalString(event.team() == null ? null : event.team().raw());
        out.writeOptionalString(event.provider());
        out.writeOptionalString(event.model() == null ? null : event.model().raw());
        out.writeLong(event.requests());
        out.writeLong(event.inputTokens());
        out.writeLong(event.outputTokens());
        out.writeLong(event.cacheReadTokens());
        out.writeLong(event.cacheWriteTokens());
        out.writeOptionalString(event.reservationId() == null ? null : event.reservationId().raw());
        out.writeList(event.tags(), (o, tag) -> o.writeString(tag.raw()));
    }

    static UsageEvent read(AvroReader in) throws IOException {
        return new UsageEvent(
                in.readInt(),
                EventId.of(in.readString()),
                CustomerId.of(in.readString()),
                in.readInstant(),
                in.readInstant(),
                optional(in, ProjectId::of),
                optional(in, CostCenterId::of),
                optional(in, ApiKeyId::of),
                optional(in, UserId::of),
                optional(in, TeamId::of),
                in.readOptionalString(),
                optional(in, ModelId::of),
                in.readLong(),
                in.readLong(),
                in.readLong(),
                in.readLong(),
                in.readLong(),
                optional(in, ReservationId::of),
                in.readList(i -> Tag.of(i.readString())));
    }

    private static <T> T optional(AvroReader in, Function<String, T> of) throws IOException {
        String raw = in.readOptionalString();
        return raw == null ? null : of.apply(raw);
    }
}
