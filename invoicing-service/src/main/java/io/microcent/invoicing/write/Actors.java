package io.microcent.invoicing.write;

import io.microcent.platform.axon.CommandSender;
import org.axonframework.config.Configurer;
import org.axonframework.messaging.correlation.MessageOriginProvider;

import java.util.List;

/**
 * Who decides in invoicing, recorded on every event as metadata {@value CommandSender#ACTOR}: operators over HTTP,
 * Stripe through its webhook, and this service's own automations. Each command path is given a
 * {@link CommandSender} made {@link CommandSender#as as} one of them; events stored before actors were recorded
 * have none and read as {@value #UNKNOWN}.
 */
public final class Actors {

    public static final String OPERATOR = "operator";
    public static final String STRIPE = "stripe";
    public static final String SYSTEM = "system";
    public static final String UNKNOWN = "unknown";

    private Actors() {
    }

    /** Copies the actor of each command onto its events (next to Axon's default correlation and trace ids). */
    public static Configurer recorded(Configurer axon) {
        return axon.configureCorrelationDataProviders(config -> List.of(new MessageOriginProvider(), CommandSender.actorOnEvents()));
    }
}
