package org.actrack;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An option of {@link ActionLog#track}, {@link ActionLog#untrack} and
 * {@link ActionLog#temporaryTracker}. Import the factories statically:
 *
 * <pre>{@code
 * log.track(user, train, verbs("departed", "arrived"), actorOnly(false), log(true));
 * }</pre>
 */
public sealed interface TrackOption {

    /**
     * The verbs tracked (or, for {@code untrack}, no longer tracked). None means every verb. Verbs
     * must not be blank.
     */
    static TrackOption verbs(String... verbs) {
        return new Verbs(List.of(verbs));
    }

    /**
     * Whether the tracker matches only actions in which the tracked object is the actor ({@code true},
     * the default for new trackers), or also those in which it is a target or related object.
     * Not accepted by {@code untrack}.
     */
    static TrackOption actorOnly(boolean actorOnly) {
        return new ActorOnly(actorOnly);
    }

    /** Whether to log {@value ActionLog#STARTED_TRACKING} or {@value ActionLog#STOPPED_TRACKING}; off by default. */
    static TrackOption log(boolean log) {
        return new LogChange(log);
    }

    /**
     * When the tracker starts: for trackers created by {@code track} and for temporary trackers;
     * by default the clock's time. Not accepted by {@code untrack}.
     */
    static TrackOption since(Instant since) {
        return new Since(Objects.requireNonNull(since, "since"));
    }

    /** The persistence unit the trackers live in, instead of the default one. */
    static TrackOption using(String persistenceUnit) {
        return new Using(Objects.requireNonNull(persistenceUnit, "persistence unit"));
    }

    /** The verbs. @param verbs the verbs, none for all */
    record Verbs(List<String> verbs) implements TrackOption {
    }

    /** Actor-only or any role. @param actorOnly whether only the actor role matches */
    record ActorOnly(boolean actorOnly) implements TrackOption {
    }

    /** Logging the change. @param log whether to log */
    record LogChange(boolean log) implements TrackOption {
    }

    /** The start of a tracker. @param since when it starts */
    record Since(Instant since) implements TrackOption {
    }

    /** The persistence unit. @param persistenceUnit its name */
    record Using(String persistenceUnit) implements TrackOption {
    }
}
