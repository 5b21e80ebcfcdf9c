package io.microcent.deploy.clusterfiles;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DockerfileTest {

    private static final String DOCKERFILE = ClusterFiles.read(ClusterFiles.dockerfile());
    private static final String DOCKERIGNORE = ClusterFiles.read(ClusterFiles.dockerfile().resolveSibling("Dockerfile.dockerignore"));
    private static final DeployPom POM = DeployPom.read();

    @Test
    void theImageRunsTheJarTheBuildMakesAsANonRootUserWithAProbeFromTheJar() {
        assertThat(problems(DOCKERFILE, DOCKERIGNORE)).isEmpty();
        assertThat(POM.jar()).isEqualTo("deploy/target/microcent.jar");
    }

    @Test
    void theTagToBuildWithIsDocumentedInTheDockerfile() {
        assertThat(Dockerfile.read().tag()).isEqualTo("microcent:0.1.0");
        assertThat(Dockerfile.parse("x", DOCKERFILE.replace(" -t microcent:0.1.0", "")).tag()).isEqualTo("(no documented tag)");
    }

    @Test
    void anOldJavaAnotherJarOrARootUserIsReported() {
        assertThat(problems(DOCKERFILE.replace("eclipse-temurin:21-jre-noble", "eclipse-temurin:17-jre"), DOCKERIGNORE))
                .containsExactly("deploy/docker/Dockerfile: FROM eclipse-temurin:17-jre is not a Java 21+ runtime (eclipse-temurin:21-jre...)");
        assertThat(problems(DOCKERFILE.replace("deploy/target/microcent.jar", "deploy/target/deploy-0.1.0-SNAPSHOT.jar"), DOCKERIGNORE))
                .contains("deploy/docker/Dockerfile: copies no deploy/target/microcent.jar, the jar deploy/pom.xml's shade plugin builds");
        assertThat(problems(DOCKERFILE.replace("USER 10001:10001", "USER root"), DOCKERIGNORE))
                .containsExactly("deploy/docker/Dockerfile: runs as root (USER root)");
    }

    @Test
    void aDockerignoreThatLeavesTheJarOutIsReported() {
        assertThat(problems(DOCKERFILE, DOCKERIGNORE.replace("!deploy/target/microcent.jar", "!deploy/target/classes")))
                .containsExactly("deploy/docker/Dockerfile: its .dockerignore leaves deploy/target/microcent.jar out of the build context");
        assertThat(DockerfileChecks.letsThrough("deploy/target\n", "deploy/target/microcent.jar")).isFalse();
        assertThat(DockerfileChecks.letsThrough("*\n!deploy/target/microcent.jar\n", "deploy/target/microcent.jar")).isTrue();
    }

    @Test
    void anotherProbeAMissingDataVolumeOrAVariableNoProcessReadsIsReported() {
        assertThat(problems(DOCKERFILE.replace("io.microcent.deploy.HealthProbe", "io.microcent.deploy.Probe"), DOCKERIGNORE))
                .singleElement().asString().startsWith("deploy/docker/Dockerfile: HEALTHCHECK [java,");
        assertThat(problems(DOCKERFILE.replace("VOLUME [\"/data\"]", "VOLUME [\"/var/data\"]"), DOCKERIGNORE))
                .containsExactly("deploy/docker/Dockerfile: declares no VOLUME at its MICROCENT_DATA_DIR /data");
        assertThat(problems(DOCKERFILE.replace("MICROCENT_HOST=0.0.0.0", "MICROCENT_LISTEN=0.0.0.0"), DOCKERIGNORE))
                .contains("deploy/docker/Dockerfile: sets MICROCENT_LISTEN, which the all-in-one (its default command) does not read",
                        "deploy/docker/Dockerfile: sets MICROCENT_LISTEN, which caps does not read");
        assertThat(problems(DOCKERFILE.replace("-XX:MaxRAMPercentage=60 ", ""), DOCKERIGNORE))
                .containsExactly("deploy/docker/Dockerfile: sizes no heap by the container's memory (-XX:MaxRAMPercentage in JDK_JAVA_OPTIONS)");
        assertThat(problems(DOCKERFILE.replace("AXONIQ_UPDATE_CHECKER_DISABLED=true", "AXONIQ_UPDATE_CHECKER_DISABLED=false"), DOCKERIGNORE))
                .hasSize(1);
    }

    @Test
    void anEntrypointOrCommandThatIsNotTheJarsIsReported() {
        assertThat(problems(DOCKERFILE.replace("CMD [\"io.microcent.deploy.Main\"]", "CMD [\"io.microcent.deploy.Bench\"]"), DOCKERIGNORE))
                .containsExactly("deploy/docker/Dockerfile: CMD [io.microcent.deploy.Bench] is not the jar's main class io.microcent.deploy.Main");
        assertThat(problems(DOCKERFILE.replace("ENTRYPOINT [\"java\", \"-cp\", \"/app/microcent.jar\"]", "ENTRYPOINT [\"java\", \"-jar\", \"/app/microcent.jar\"]"), DOCKERIGNORE))
                .hasSize(1);
    }

    private static List<String> problems(String dockerfile, String dockerignore) {
        return DockerfileChecks.problems(Dockerfile.parse("deploy/docker/Dockerfile", dockerfile), dockerignore, POM);
    }
}
