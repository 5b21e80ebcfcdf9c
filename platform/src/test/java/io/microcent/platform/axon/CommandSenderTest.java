package io.microcent.platform.axon;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.Problem;
import io.microcent.platform.http.ApiException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** One translation of command failures into problems, for every service that sends commands from HTTP. */
class CommandSenderTest {

    static final class NoSuchThing extends Rejection {
        NoSuchThing() {
            super(ErrorCode.NOT_FOUND, "thing", "no thing 'x'");
        }
    }

    static final class ThingNotPublished extends NotPublished {
        ThingNotPublished() {
            super("Kafka did not acknowledge the thing", null);
        }
    }

    @Test
    void aRejectionIsAnsweredWithItsCodeAndField() {
        Problem problem = problem(new CommandExecutionException("wrapped", new NoSuchThing()), ErrorCode.CONFLICT);
        assertThat(problem.code()).isEqualTo("not_found");
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("thing");
            assertThat(error.detail()).isEqualTo("no thing 'x'");
        });
    }

    @Test
    void aRaceIsTheCallersConflictCode() {
        assertThat(problem(new ConcurrencyException("race"), ErrorCode.CONFLICT).code()).isEqualTo("conflict");
        assertThat(problem(new ConcurrencyException("race"), ErrorCode.CUSTOMER_EXISTS).code()).isEqualTo("customer_exists");
    }

    @Test
    void kafkaNotAcknowledgingIsUnavailable() {
        Problem problem = problem(new RuntimeException("outer", new ThingNotPublished()), ErrorCode.CONFLICT);
        assertThat(problem.code()).isEqualTo("service_unavailable");
        assertThat(problem.detail()).contains("nothing was recorded");
    }

    @Test
    void aSenderMadeAsAnActorPutsItOnEveryCommandItSends() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        List<CommandMessage<?>> handled = new CopyOnWriteArrayList<>();
        bus.subscribe(String.class.getName(), message -> {
            handled.add(message);
            return null;
        });
        CommandSender plain = new CommandSender(DefaultCommandGateway.builder().commandBus(bus).build());

        plain.as("operator").send("by an operator");
        plain.as("system").dispatch("by an automation");
        plain.send("by nobody in particular");

        assertThat(handled).extracting(message -> message.getMetaData().get(CommandSender.ACTOR))
                .containsExactly("operator", "system", null);
        assertThat(handled).extracting(message -> (Object) message.getPayload())
                .containsExactly("by an operator", "by an automation", "by nobody in particular");
    }

    @Test
    void anythingElseIsLeftAsItIs() {
        IllegalStateException bug = new IllegalStateException("bug");
        assertThat(CommandSender.translate(bug, ErrorCode.CONFLICT)).isSameAs(bug);
    }

    private static Problem problem(RuntimeException failure, ErrorCode onConflict) {
        RuntimeException translated = CommandSender.translate(failure, onConflict);
        assertThat(translated).isInstanceOf(ApiException.class);
        return ((ApiException) translated).toProblem();
    }
}
