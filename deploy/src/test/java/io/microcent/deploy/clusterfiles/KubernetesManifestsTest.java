package io.microcent.deploy.clusterfiles;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s against the code: each test of a check first breaks a copy of the manifests the way the check
 * guards against, so every check is seen to fail.
 */
class KubernetesManifestsTest {

    private static final KubernetesManifests K8S = KubernetesManifests.read();
    private static final String D = KubernetesManifests.DIR;

    @Test
    void theManifestsAgreeWithTheCode() {
        assertThat(KubernetesChecks.problems(K8S)).isEmpty();
        assertThat(K8S.ofKind("Deployment")).extracting(KubernetesManifests.Manifest::name).containsExactlyInAnyOrder("ingest", "invoicing", "console");
        assertThat(K8S.ofKind("StatefulSet")).extracting(KubernetesManifests.Manifest::name).containsExactlyInAnyOrder("rating", "caps");
    }

    @Test
    void aConfigMapKeyNoServiceReadsIsReportedForEveryServiceTakingIt() {
        KubernetesManifests broken = K8S.copy();
        ((ObjectNode) broken.object("ConfigMap", "microcent-config").path("data")).put("MICROCENT_RATING_STREAM_THREADS", "2");
        assertThat(KubernetesChecks.problems(broken)).containsExactly(
                D + "caps.yaml: StatefulSet caps: sets MICROCENT_RATING_STREAM_THREADS, which caps does not read",
                D + "ingest.yaml: Deployment ingest: sets MICROCENT_RATING_STREAM_THREADS, which ingest does not read",
                D + "invoicing.yaml: Deployment invoicing: sets MICROCENT_RATING_STREAM_THREADS, which invoicing does not read");
    }

    @Test
    void aMissingSecretKeyOrConfigMapAndANumberForAStringAreReported() {
        KubernetesManifests broken = K8S.copy();
        ((ObjectNode) broken.object("Secret", "microcent-secrets").path("stringData")).remove("MICROCENT_DATABASE_PASSWORD");
        ((ObjectNode) broken.object("ConfigMap", "microcent-config").path("data")).put("MICROCENT_TOPIC_PARTITIONS", 4);
        assertThat(KubernetesChecks.problems(broken)).contains(
                D + "rating.yaml: StatefulSet rating: MICROCENT_DATABASE_PASSWORD comes from key MICROCENT_DATABASE_PASSWORD of Secret microcent-secrets, which has no such key",
                D + "config.yaml: ConfigMap microcent-config: MICROCENT_TOPIC_PARTITIONS is 4, not a string (quote it)");
        broken = K8S.copy();
        ((ObjectNode) envFrom(broken, "Deployment", "ingest").path(0).path("configMapRef")).put("name", "microcent-settings");
        assertThat(KubernetesChecks.problems(broken)).containsExactly(
                D + "ingest.yaml: Deployment ingest: takes every key of ConfigMap microcent-settings, which no manifest defines",
                D + "ingest.yaml: Deployment ingest: does not set MICROCENT_KAFKA_BOOTSTRAP, which ingest requires",
                D + "ingest.yaml: Deployment ingest: does not set MICROCENT_DATABASE_URL, which ingest requires");
    }

    @Test
    void anotherMainOrAPortThatIsNotTheOneListenedOnIsReported() {
        KubernetesManifests broken = K8S.copy();
        ((ArrayNode) container(broken, "Deployment", "invoicing").path("args")).set(0, "io.microcent.ingest.IngestMain");
        ((ObjectNode) container(broken, "StatefulSet", "rating").path("readinessProbe").path("httpGet")).put("port", 8081);
        assertThat(KubernetesChecks.problems(broken)).containsExactly(
                D + "invoicing.yaml: Deployment invoicing: runs io.microcent.ingest.IngestMain, not invoicing's main io.microcent.invoicing.InvoicingMain",
                D + "rating.yaml: StatefulSet rating: readinessProbe uses port 8081, but rating listens on 8082");
    }

    @Test
    void aServiceOrAnnotationOnAnotherPortOrAProbeOnAnotherPathIsReported() {
        KubernetesManifests broken = K8S.copy();
        ((ObjectNode) broken.object("Service", "console").path("spec").path("ports").path(0)).put("targetPort", 8080);
        ((ObjectNode) broken.object("Deployment", "ingest").path("spec").path("template").path("metadata").path("annotations"))
                .put("prometheus.io/port", "9090");
        ((ObjectNode) container(broken, "StatefulSet", "caps").path("livenessProbe").path("httpGet")).put("path", "/health/ready");
        assertThat(KubernetesChecks.problems(broken)).containsExactly(
                D + "caps.yaml: StatefulSet caps: its livenessProbe asks /health/ready, not /health/live",
                D + "console.yaml: Deployment console: Service console targetPort uses port 8080, but console listens on 8085",
                D + "ingest.yaml: Deployment ingest: annotation prometheus.io/port uses port 9090, but ingest listens on 8081");
    }

    @Test
    void replicasResourcesBudgetsAndGraceAreChecked() {
        KubernetesManifests broken = K8S.copy();
        ((ObjectNode) broken.object("Deployment", "ingest").path("spec")).put("replicas", 1);
        ((ObjectNode) container(broken, "StatefulSet", "rating").path("resources")).remove("limits");
        ((ObjectNode) broken.object("PodDisruptionBudget", "invoicing").path("spec")).put("maxUnavailable", 2);
        ((ObjectNode) broken.object("Deployment", "console").path("spec").path("template").path("spec")).put("terminationGracePeriodSeconds", 5);
        assertThat(KubernetesChecks.problems(broken)).containsExactly(
                D + "console.yaml: Deployment console: terminationGracePeriodSeconds below 30 may kill it before it leaves its groups",
                D + "ingest.yaml: Deployment ingest: runs 1 replicas, not 2",
                D + "invoicing.yaml: Deployment invoicing: needs one PodDisruptionBudget with maxUnavailable 1 selecting its pods, has [invoicing]",
                D + "rating.yaml: StatefulSet rating: sets no limits.memory");
    }

    @Test
    void aServiceOrBudgetSelectingNothingIsReported() {
        KubernetesManifests broken = K8S.copy();
        ((ObjectNode) broken.object("Service", "ingest").path("spec").path("selector")).put("app.kubernetes.io/name", "ingestion");
        assertThat(KubernetesChecks.problems(broken)).contains(
                D + "ingest.yaml: Deployment ingest: no Service selects its pods",
                D + "ingest.yaml: Service ingest: selects no pods of any Deployment or StatefulSet",
                D + "caps.yaml: StatefulSet caps: MICROCENT_INGEST_URL names ingest, which is no Service of ingest's pods");
    }

    @Test
    void capsAdvertisingAnAddressThatIsNotItsOwnIsReported() {
        KubernetesManifests broken = K8S.copy();
        setEnv(broken, "StatefulSet", "caps", "MICROCENT_CAPS_ADVERTISED_URL", "http://caps:8083");
        assertThat(KubernetesChecks.problems(broken)).containsExactly(
                D + "caps.yaml: StatefulSet caps: advertises http://caps:8083, not http://$(POD_NAME).<headless Service>.$(POD_NAMESPACE).svc:<port>");
        broken = K8S.copy();
        setEnv(broken, "StatefulSet", "caps", "MICROCENT_CAPS_ADVERTISED_URL", "http://$(POD_NAME).rating-headless.$(POD_NAMESPACE).svc:8082");
        assertThat(KubernetesChecks.problems(broken)).containsExactly(
                D + "caps.yaml: StatefulSet caps: advertises names under rating-headless, not its serviceName caps-headless",
                D + "caps.yaml: StatefulSet caps: advertises port 8082, but listens on 8083");
        broken = K8S.copy();
        ((ArrayNode) container(broken, "StatefulSet", "caps").path("env")).remove(1);
        assertThat(KubernetesChecks.problems(broken)).containsExactly(
                D + "caps.yaml: StatefulSet caps: MICROCENT_CAPS_ADVERTISED_URL needs POD_NAMESPACE from fieldRef metadata.namespace defined before it");
    }

    @Test
    void stateOffItsClaimOrAGoverningServiceThatIsNotHeadlessIsReported() {
        KubernetesManifests broken = K8S.copy();
        ((ObjectNode) container(broken, "StatefulSet", "rating").path("volumeMounts").path(0)).put("mountPath", "/var/data");
        ((ObjectNode) broken.object("Service", "caps-headless").path("spec")).remove("clusterIP");
        assertThat(KubernetesChecks.problems(broken)).containsExactly(
                D + "caps.yaml: StatefulSet caps: its serviceName caps-headless is no headless Service selecting its pods",
                D + "rating.yaml: StatefulSet rating: keeps its data in /data, where no volume is mounted",
                D + "rating.yaml: StatefulSet rating: its data directory /data is not on one of its volumeClaimTemplates [data]");
    }

    @Test
    void theConsoleOrCapsPointedAtAServiceOfAnotherOrAtTheWrongPortIsReported() {
        KubernetesManifests broken = K8S.copy();
        setEnv(broken, "Deployment", "console", "MICROCENT_CONSOLE_RATING_URL", "http://invoicing:8084");
        setEnv(broken, "StatefulSet", "caps", "MICROCENT_INGEST_URL", "http://ingest:8080");
        assertThat(KubernetesChecks.problems(broken)).containsExactly(
                D + "caps.yaml: StatefulSet caps: MICROCENT_INGEST_URL asks port 8080 of Service ingest, which does not lead to ingest's port 8081",
                D + "console.yaml: Deployment console: MICROCENT_CONSOLE_RATING_URL names invoicing, which is no Service of rating's pods");
    }

    @Test
    void aStatefulServiceAsADeploymentAnotherImageOrNamespaceOrAnUnlistedFileIsReported() {
        KubernetesManifests broken = K8S.copy();
        broken.object("StatefulSet", "caps").put("kind", "Deployment");
        assertThat(KubernetesChecks.problems(broken)).contains(D + "caps.yaml: Deployment caps: caps should run as a StatefulSet");
        broken = K8S.copy();
        container(broken, "Deployment", "console").put("image", "microcent:latest");
        ((ObjectNode) broken.object("Service", "rating").path("metadata")).put("namespace", "default");
        ((ArrayNode) broken.kustomization().object().path("resources")).remove(6);
        assertThat(KubernetesChecks.problems(broken)).containsExactly(
                D + "console.yaml: Deployment console: runs image microcent:latest, but the Dockerfile builds microcent:0.1.0",
                D + "rating.yaml: Service rating: in namespace default, not microcent",
                D + "kustomization.yaml: lists [caps.yaml, config.yaml, ingest.yaml, invoicing.yaml, namespace.yaml, rating.yaml], "
                        + "but the directory holds [caps.yaml, config.yaml, console.yaml, ingest.yaml, invoicing.yaml, namespace.yaml, rating.yaml]");
    }

    @Test
    void aReplacedEntrypointAMissingProbeOrAnnotationOrANumberForAStringIsReported() {
        KubernetesManifests broken = K8S.copy();
        container(broken, "Deployment", "ingest").putArray("command").add("java");
        container(broken, "Deployment", "invoicing").remove("livenessProbe");
        ((ObjectNode) broken.object("StatefulSet", "rating").path("spec").path("template").path("metadata").path("annotations"))
                .remove("prometheus.io/scrape");
        ((ObjectNode) container(broken, "Deployment", "console").path("env").path(0)).put("value", 8085);
        assertThat(KubernetesChecks.problems(broken)).containsExactly(
                D + "console.yaml: Deployment console: MICROCENT_PORT is 8085, not a string (Kubernetes refuses it; quote it)",
                D + "ingest.yaml: Deployment ingest: replaces the image's entrypoint (java -cp microcent.jar): name the main class in args",
                D + "invoicing.yaml: Deployment invoicing: has no livenessProbe (an httpGet of /health/live)",
                D + "rating.yaml: StatefulSet rating: its pods are not annotated prometheus.io/scrape \"true\", prometheus.io/port and "
                        + "prometheus.io/path /metrics: {prometheus.io/port=8082, prometheus.io/path=/metrics}");
    }

    @Test
    void aServiceWithoutWorkloadOrAWorkloadNotSelectingItsPodsIsReported() {
        KubernetesManifests broken = K8S.copy();
        ((ObjectNode) broken.object("StatefulSet", "rating").path("spec").path("template").path("metadata").path("labels"))
                .put("app.kubernetes.io/name", "rater");
        assertThat(KubernetesChecks.problems(broken)).contains(
                D + ": no Deployment or StatefulSet runs rating",
                D + "rating.yaml: StatefulSet rating: claims to be rater, which is none of [ingest, rating, caps, invoicing, console]");
        broken = K8S.copy();
        ((ObjectNode) broken.object("Deployment", "console").path("spec").path("selector").path("matchLabels"))
                .put("app.kubernetes.io/name", "consoles");
        assertThat(KubernetesChecks.problems(broken)).containsExactly(
                D + "console.yaml: Deployment console: its selector {app.kubernetes.io/name=consoles} does not select its own pods "
                        + "{app.kubernetes.io/name=console, app.kubernetes.io/part-of=microcent}");
    }

    private static ObjectNode container(KubernetesManifests k8s, String kind, String name) {
        return (ObjectNode) k8s.object(kind, name).path("spec").path("template").path("spec").path("containers").path(0);
    }

    private static ArrayNode envFrom(KubernetesManifests k8s, String kind, String name) {
        return (ArrayNode) container(k8s, kind, name).path("envFrom");
    }

    private static void setEnv(KubernetesManifests k8s, String kind, String name, String variable, String value) {
        container(k8s, kind, name).path("env").forEach(e -> {
            if (e.path("name").asText().equals(variable)) {
                ((ObjectNode) e).put("value", value);
            }
        });
    }
}
