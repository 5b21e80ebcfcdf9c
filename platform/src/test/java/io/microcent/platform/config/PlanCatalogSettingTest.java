package io.microcent.platform.config;

import io.microcent.model.id.PlanId;
import io.microcent.model.plan.PlanCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanCatalogSettingTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheVariableRatingUsesTheDefaultCatalog() {
        Env env = new Env(Map.of());

        assertThat(PlanCatalogSetting.read(env)).isSameAs(PlanCatalog.defaults());
        env.validate();
    }

    @Test
    void theVariableNamesAnOperatorsOwnCatalog() throws IOException {
        Path file = Files.writeString(dir.resolve("plans.json"), """
                {"plans": [{"id": "team", "name": "Team", "monthlyFee": "49",
                  "charges": [{"meter": "total_tokens", "model": "package", "blockSize": 1000000, "blockPrice": "2"}]}]}
                """);
        Env env = new Env(Map.of(PlanCatalogSetting.VARIABLE, file.toString()));

        PlanCatalog catalog = PlanCatalogSetting.read(env);

        env.validate();
        assertThat(catalog.all()).singleElement().satisfies(plan -> assertThat(plan.id()).isEqualTo(PlanId.of("team")));
    }

    @Test
    void everyProblemOfTheCatalogFileIsReportedWithTheRestOfTheConfiguration() throws IOException {
        Path file = Files.writeString(dir.resolve("plans.json"), """
                {"plans": [{"id": "team", "monthlyFee": "49",
                  "charges": [{"meter": "seats", "model": "allowance", "unitPrice": "1"}]}]}
                """);
        Env env = new Env(Map.of(PlanCatalogSetting.VARIABLE, file.toString(), "MICROCENT_PORT", "nope"));
        env.port("MICROCENT_PORT", 8082);

        PlanCatalogSetting.read(env);

        assertThatThrownBy(env::validate).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                .hasSize(3)
                .anySatisfy(problem -> assertThat(problem).startsWith("MICROCENT_PORT"))
                .anySatisfy(problem -> assertThat(problem).isEqualTo(
                        "MICROCENT_PLAN_CATALOG " + file + ": plans[0].name: is required"))
                .anySatisfy(problem -> assertThat(problem).startsWith(
                        "MICROCENT_PLAN_CATALOG " + file + ": plans[0].charges[0].meter: unknown meter 'seats'")));
    }

    @Test
    void aMissingCatalogFileIsAConfigurationError() {
        Env env = new Env(Map.of(PlanCatalogSetting.VARIABLE, dir.resolve("missing.json").toString()));

        PlanCatalogSetting.read(env);

        assertThatThrownBy(env::validate).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                .singleElement().asString().startsWith("MICROCENT_PLAN_CATALOG: cannot read " + dir.resolve("missing.json")));
    }
}
