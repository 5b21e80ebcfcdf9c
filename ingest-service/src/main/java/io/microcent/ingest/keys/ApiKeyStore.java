package io.microcent.ingest.keys;

import io.microcent.ingest.db.tables.records.ApiKeysRecord;
import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.CustomerId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static io.microcent.ingest.db.Tables.API_KEYS;

/** The {@code ingest.api_keys} table. */
public final class ApiKeyStore {

    private final DSLContext db;

    public ApiKeyStore(DSLContext db) {
        this.db = db;
    }

    public void insert(ApiKey key, String secretSha256) {
        db.insertInto(API_KEYS)
                .set(API_KEYS.ID, key.id().raw())
                .set(API_KEYS.NAME, key.name())
                .set(API_KEYS.CUSTOMER, key.customer() == null ? null : key.customer().raw())
                .set(API_KEYS.SECRET_SHA256, secretSha256)
                .set(API_KEYS.CREATED_AT, toDb(key.createdAt()))
                .execute();
    }

    /** Every key, active and revoked, oldest first. */
    public List<ApiKey> list() {
        return db.selectFrom(API_KEYS)
                .orderBy(API_KEYS.CREATED_AT, API_KEYS.ID)
                .fetch(ApiKeyStore::toApiKey);
    }

    /** The active key whose secret has this hash, if there is one. */
    public Optional<ApiKey> findActiveBySecretHash(String secretSha256) {
        return db.selectFrom(API_KEYS)
                .where(API_KEYS.SECRET_SHA256.eq(secretSha256))
                .and(API_KEYS.REVOKED_AT.isNull())
                .fetchOptional(ApiKeyStore::toApiKey);
    }

    /**
     * Marks the key revoked (keeping the first revocation time if it was revoked before).
     *
     * @return the key's secret hash, or empty if there is no such key
     */
    public Optional<String> revoke(ApiKeyId id, Instant at) {
        return db.update(API_KEYS)
                .set(API_KEYS.REVOKED_AT, DSL.coalesce(API_KEYS.REVOKED_AT, toDb(at)))
                .where(API_KEYS.ID.eq(id.raw()))
                .returning(API_KEYS.SECRET_SHA256)
                .fetchOptional(API_KEYS.SECRET_SHA256);
    }

    /** The key was used at {@code at}: kept unless a later use is stored already. */
    public void recordUse(ApiKeyId id, Instant at) {
        db.update(API_KEYS)
                .set(API_KEYS.LAST_USED_AT, DSL.greatest(DSL.coalesce(API_KEYS.LAST_USED_AT, toDb(at)), DSL.val(toDb(at))))
                .where(API_KEYS.ID.eq(id.raw()))
                .execute();
    }

    private static ApiKey toApiKey(ApiKeysRecord row) {
        return new ApiKey(
                ApiKeyId.of(row.getId()),
                row.getName(),
                row.getCustomer() == null ? null : CustomerId.of(row.getCustomer()),
                row.getCreatedAt().toInstant(),
                row.getRevokedAt() == null ? null : row.getRevokedAt().toInstant(),
                row.getLastUsedAt() == null ? null : row.getLastUsedAt().toInstant());
    }

    private static OffsetDateTime toDb(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
