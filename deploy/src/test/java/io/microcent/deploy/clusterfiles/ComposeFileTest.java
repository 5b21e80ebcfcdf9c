package io.microcent.deploy.clusterfiles;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/compose/compose.yaml against the code: each test of a check first breaks a copy of the file the way
 * the check guards against, so every check is seen to fail.
 */
class ComposeFileTest {

    private static final ComposeFile COMPOSE = ComposeFile.read();
    private static final String F = ComposeFile.FILE + ": ";

    @Test
    void theComposeFileAgreesWithTheCode() {
        assertThat(ComposeChecks.problems(COMPOSE)).isEmpty();
        assertThat(COMPOSE.microcentServices()).containsExactlyInAnyOrder("ingest-1", "ingest-2", "rating-1", "rating-2",
                "caps-1", "caps-2", "invoicing-1", "invoicing-2", "console");
    }

    @Test
    void anchorsAreResolvedAsComposeResolvesThem() {
        assertThat(COMPOSE.env("ingest-2")).containsEntry("MICROCENT_PORT", "8081")
                .containsEntry("MICROCENT_KAFKA_BOOTSTRAP", "kafka-1:9092,kafka-2:9092,kafka-3:9092");
        assertThat(COMPOSE.mounts("ingest-2")).containsEntry("/data", "ingest-2-data");
        assertThat(COMPOSE.env("caps-2")).containsEntry("MICROCENT_CAPS_ADVERTISED_URL", "http://caps-2:8083");
    }

    @Test
    void aVariableTheServiceDoesNotReadIsReported() {
        ComposeFile broken = COMPOSE.copy();
        env(broken, "ingest-2").put("MICROCENT_CAPS_RESERVATION_TTL_SECONDS", "60");
        assertThat(ComposeChecks.problems(broken))
                .containsExactly(F + "ingest-2: sets MICROCENT_CAPS_RESERVATION_TTL_SECONDS, which ingest does not read");
    }

    @Test
    void aRequiredSettingLeftOutIsReported() {
        ComposeFile broken = COMPOSE.copy();
        env(broken, "rating-1").remove("MICROCENT_ADMIN_TOKEN");
        assertThat(ComposeChecks.problems(broken)).containsExactly(F + "rating-1: does not set MICROCENT_ADMIN_TOKEN, which rating requires");
    }

    @Test
    void anotherServicesMainOrNoClassAtAllIsReported() {
        ComposeFile broken = COMPOSE.copy();
        command(broken, "rating-2", "io.microcent.caps.CapsMain");
        command(broken, "invoicing-1", "io.microcent.invoicing.InvoiceMain");
        assertThat(ComposeChecks.problems(broken)).containsExactly(
                F + "rating-2: runs io.microcent.caps.CapsMain, not rating's main io.microcent.rating.RatingMain",
                F + "invoicing-1: runs io.microcent.invoicing.InvoiceMain, which is no class of microcent.jar");
    }

    @Test
    void aPortOtherThanTheOneListenedOnIsReported() {
        ComposeFile broken = COMPOSE.copy();
        env(broken, "invoicing-2").put("MICROCENT_PORT", "8090");
        assertThat(ComposeChecks.problems(broken)).containsExactly(
                F + "invoicing-2: health check uses port 8084, but invoicing listens on 8090",
                F + "invoicing-2: published port 127.0.0.1:9084:8084 uses port 8084, but invoicing listens on 8090",
                F + "console: MICROCENT_CONSOLE_INVOICING_URL asks port 8084, but invoicing-2 listens on 8090");
    }

    @Test
    void aHealthCheckAskingAnotherPathIsReported() {
        ComposeFile broken = COMPOSE.copy();
        ArrayNode test = (ArrayNode) broken.service("caps-1").path("healthcheck").path("test");
        test.set(test.size() - 1, "http://127.0.0.1:8083/health");
        assertThat(ComposeChecks.problems(broken)).containsExactly(
                F + "caps-1: health check asks /health, which is none of [/health/ready, /health/live, /metrics]",
                F + "caps-1: its health check asks /health, not /health/ready");
    }

    @Test
    void twoCapsInstancesAdvertisingOneAddressOrAWrongPortAreReported() {
        ComposeFile broken = COMPOSE.copy();
        env(broken, "caps-2").put("MICROCENT_CAPS_ADVERTISED_URL", "http://caps-1:8083");
        assertThat(ComposeChecks.problems(broken)).containsExactly(
                F + "caps-2: advertises http://caps-1:8083, which is not its own host caps-2",
                F + "caps-2: advertises http://caps-1:8083 like another caps instance");
        broken = COMPOSE.copy();
        env(broken, "caps-1").put("MICROCENT_CAPS_ADVERTISED_URL", "http://caps-1:8093");
        assertThat(ComposeChecks.problems(broken)).containsExactly(F + "caps-1: advertises port 8093, but listens on 8083");
    }

    @Test
    void anIngestUrlNamingNoIngestInstanceOrMissingOneIsReported() {
        ComposeFile broken = COMPOSE.copy();
        env(broken, "caps-1").put("MICROCENT_INGEST_URL", "http://ingest-3:8081,http://ingest-2:8081");
        assertThat(ComposeChecks.problems(broken)).containsExactly(
                F + "caps-1: MICROCENT_INGEST_URL names host ingest-3, which no service answers to",
                F + "caps-1: MICROCENT_INGEST_URL does not reach [ingest-1]");
    }

    @Test
    void theConsolePointedAtTheWrongServiceIsReported() {
        ComposeFile broken = COMPOSE.copy();
        env(broken, "console").put("MICROCENT_CONSOLE_CAPS_URL", "http://rating:8082");
        assertThat(ComposeChecks.problems(broken)).containsExactly(
                F + "console: MICROCENT_CONSOLE_CAPS_URL reaches rating-1, which is not caps",
                F + "console: MICROCENT_CONSOLE_CAPS_URL reaches rating-2, which is not caps");
    }

    @Test
    void twoInstancesSharingAVolumeOrAnInstanceTooFewAreReported() {
        ComposeFile broken = COMPOSE.copy();
        ((ArrayNode) broken.service("rating-2").path("volumes")).set(0, "rating-1-data:/data");
        assertThat(ComposeChecks.problems(broken)).containsExactly(F + "rating-2: shares volume rating-1-data with rating-1");
        broken = COMPOSE.copy();
        ((ObjectNode) broken.root().path("services")).remove("invoicing-2");
        assertThat(ComposeChecks.problems(broken)).containsExactly(F + "invoicing runs 1 instances, not 2");
    }

    @Test
    void aServiceNotWaitingForHealthyInfrastructureIsReported() {
        ComposeFile broken = COMPOSE.copy();
        ((ObjectNode) broken.service("ingest-1").path("depends_on")).remove("kafka-2");
        ((ObjectNode) broken.service("ingest-1").path("depends_on").path("postgres")).put("condition", "service_started");
        assertThat(ComposeChecks.problems(broken)).containsExactly(
                F + "ingest-1: does not wait for [kafka-2]",
                F + "ingest-1: depends on postgres without condition service_healthy");
    }

    @Test
    void brokersThatDisagreeOrReplicateLessAreReported() {
        ComposeFile broken = COMPOSE.copy();
        env(broken, "kafka-3").put("KAFKA_NODE_ID", "4");
        env(broken, "kafka-2").put("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
        List<String> problems = ComposeChecks.problems(broken);
        assertThat(problems).contains(
                F + "kafka-2: KAFKA_TRANSACTION_STATE_LOG_MIN_ISR is 1, not 2",
                F + "kafka-1: KAFKA_CONTROLLER_QUORUM_VOTERS 1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093 is not the brokers "
                        + "[1@kafka-1:9093, 2@kafka-2:9093, 4@kafka-3:9093]");
        broken = COMPOSE.copy();
        env(broken, "kafka-1").put("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true");
        broken.service("kafka-2").put("image", "apache/kafka:3.9.1");
        assertThat(ComposeChecks.problems(broken)).containsExactly(
                F + "kafka-1: KAFKA_AUTO_CREATE_TOPICS_ENABLE is true, not false",
                F + "kafka-2: runs Kafka 3.9.1, but the services' clients are 4.3.1");
    }

    @Test
    void aBootstrapMissingABrokerOrAFactorAboveTheBrokersIsReported() {
        ComposeFile broken = COMPOSE.copy();
        env(broken, "rating-1").put("MICROCENT_KAFKA_BOOTSTRAP", "kafka-1:9092,kafka-2:9092");
        env(broken, "rating-2").put("MICROCENT_TOPIC_REPLICATION_FACTOR", "4");
        assertThat(ComposeChecks.problems(broken)).containsExactly(
                F + "rating-1: MICROCENT_KAFKA_BOOTSTRAP [kafka-1:9092, kafka-2:9092] is not the brokers [kafka-1:9092, kafka-2:9092, kafka-3:9092]",
                F + "rating-2: MICROCENT_TOPIC_REPLICATION_FACTOR 4 exceeds the 3 brokers");
    }

    @Test
    void anImageOtherThanTheDockerfilesNoMemoryLimitOrAnotherDatabaseIsReported() {
        ComposeFile broken = COMPOSE.copy();
        broken.service("console").put("image", "microcent:0.0.9");
        broken.service("console").remove("mem_limit");
        env(broken, "invoicing-1").put("MICROCENT_DATABASE_URL", "jdbc:postgresql://postgres:5432/billing");
        assertThat(ComposeChecks.problems(broken)).containsExactly(
                F + "console: runs image microcent:0.0.9, but the Dockerfile builds microcent:0.1.0",
                F + "console: has no mem_limit, so its heap is sized by the host's memory",
                F + "invoicing-1: MICROCENT_DATABASE_URL is jdbc:postgresql://postgres:5432/billing, not jdbc:postgresql://postgres:5432/microcent");
    }

    @Test
    void aDependencyOnAServiceWithoutHealthCheckOrThatDoesNotExistIsReported() {
        ComposeFile broken = COMPOSE.copy();
        broken.service("postgres").remove("healthcheck");
        assertThat(ComposeChecks.problems(broken)).contains(
                F + "ingest-1: waits for postgres, which has no health check",
                F + "postgres: has no health check");
        broken = COMPOSE.copy();
        ((ObjectNode) broken.service("console").path("depends_on")).putObject("caps-3").put("condition", "service_healthy");
        assertThat(ComposeChecks.problems(broken)).containsExactly(F + "console: depends on caps-3, which is no service of the file");
    }

    @Test
    void brokersWithAnotherClusterIdAdvertisedNameOrRoleOrTooFewAreReported() {
        ComposeFile broken = COMPOSE.copy();
        env(broken, "kafka-2").put("CLUSTER_ID", "another-cluster-id-000");
        env(broken, "kafka-3").put("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://localhost:9092");
        env(broken, "kafka-1").put("KAFKA_PROCESS_ROLES", "broker");
        assertThat(ComposeChecks.problems(broken)).contains(
                F + "kafka-1: KAFKA_PROCESS_ROLES is broker, not broker,controller",
                F + "kafka-3: advertises PLAINTEXT://localhost:9092, not its own name PLAINTEXT://kafka-3:9092",
                F + "the brokers do not share one CLUSTER_ID: [5L6g3nShT-eMCtK--X86sw, another-cluster-id-000]");
        broken = COMPOSE.copy();
        ((ObjectNode) broken.root().path("services")).remove("kafka-3");
        for (String service : broken.serviceNames()) {
            if (broken.service(service).path("depends_on") instanceof ObjectNode dependsOn) {
                dependsOn.remove("kafka-3");
            }
        }
        assertThat(ComposeChecks.problems(broken)).contains(F + "runs 2 Kafka brokers, not 3");
    }

    @Test
    void anotherPostgresOrAUserTheServicesDoNotUseIsReported() {
        ComposeFile broken = COMPOSE.copy();
        broken.service("postgres").put("image", "postgres:16");
        env(broken, "postgres").put("POSTGRES_USER", "postgres");
        assertThat(ComposeChecks.problems(broken)).startsWith(
                F + "postgres: runs postgres:16, not postgres:17",
                F + "ingest-1: MICROCENT_DATABASE_USER is microcent, not postgres");
    }

    @Test
    void aConsoleWithoutAnAddressForAServiceOrNoConsoleAtAllIsReported() {
        ComposeFile broken = COMPOSE.copy();
        env(broken, "console").remove("MICROCENT_CONSOLE_INGEST_URL");
        assertThat(ComposeChecks.problems(broken))
                .containsExactly(F + "console: sets neither MICROCENT_CONSOLE_INGEST_URL nor MICROCENT_CONSOLE_API_URL");
        broken = COMPOSE.copy();
        ((ObjectNode) broken.root().path("services")).remove("console");
        assertThat(ComposeChecks.problems(broken)).containsExactly(F + "no console");
    }

    private static ObjectNode env(ComposeFile compose, String service) {
        return (ObjectNode) compose.service(service).path("environment");
    }

    private static void command(ComposeFile compose, String service, String main) {
        ((ArrayNode) compose.service(service).path("command")).set(0, main);
    }
}
