/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.actrack.ActionHandler;
import org.actrack.ActrackSettings;
import org.actrack.LogOption;
import org.actrack.ObjectRef;
import org.actrack.UnitOption;
import org.actrack.engine.history.RemovedObjects;
import org.actrack.engine.model.ActionEntity;
import org.actrack.engine.write.PendingAction;

/**
 * Turns a {@code log(actor, verb, options…)} call into a validated {@link PendingAction}. Every check
 * on the input happens here, so that nothing is written for a call that fails.
 */
public final class ActionRequests {

    private final ActrackSettings settings;
    private final EntityReferences references;
    private final JsonData json;
    private final Clock clock;
    private final Function<String, ActionHandler> handlers;
    private final RemovedObjects removed;

    public ActionRequests(
            ActrackSettings settings,
            EntityReferences references,
            JsonData json,
            Clock clock,
            Function<String, ActionHandler> handlers,
            RemovedObjects removed) {
        this.settings = settings;
        this.removed = removed;
        this.handlers = handlers;
        this.references = references;
        this.json = json;
        this.clock = clock;
    }

    /** The persistence unit a call writes to: its {@code using} option, else the configured default. */
    public String unitOf(LogOption... options) {
        String unit = settings.persistenceUnit().orElse(null);
        for (LogOption option : options) {
            if (option instanceof UnitOption using) {
                unit = using.persistenceUnit();
            }
        }
        return unit;
    }

    public PendingAction parse(EntityManager em, Object actor, String verb, LogOption... options) {
        requireVerb(verb);
        ObjectRef actorRef = actor == null ? null : ref(em, actor, "actor");
        Set<ObjectRef> targets = new LinkedHashSet<>();
        Set<ObjectRef> related = new LinkedHashSet<>();
        Map<String, Object> data = new LinkedHashMap<>();
        int level = handlers.apply(verb).level().orElse(settings.defaultLevel());
        Instant timestamp = null;
        long groupingDelay = settings.groupingDelaySeconds();
        String foreignId = null;
        for (LogOption option : options) {
            if (option instanceof LogOption.Targets t) {
                addRefs(em, t.objects(), "target", targets);
            } else if (option instanceof LogOption.Related r) {
                addRefs(em, r.objects(), "related object", related);
            } else if (option instanceof LogOption.LevelByName byName) {
                level = settings.level(byName.name()).value();
            } else if (option instanceof LogOption.LevelValue value) {
                level = value.value();
            } else if (option instanceof LogOption.Timestamp at) {
                timestamp = at.timestamp();
            } else if (option instanceof LogOption.Data entries) {
                entries.entries()
                        .forEach((key, value) -> data.put(key, value == LogOption.NullValue.INSTANCE ? null : value));
            } else if (option instanceof LogOption.GroupingDelay delay) {
                groupingDelay = requireGroupingDelay(delay.seconds());
            } else if (option instanceof LogOption.ForeignId key) {
                foreignId = requireForeignId(key.key());
            }
        }
        return new PendingAction(
                unitOf(options),
                actorRef,
                verb,
                level,
                json.normalize(data),
                truncate(timestamp == null ? clock.instant() : timestamp),
                List.copyOf(targets),
                List.copyOf(related),
                groupingDelay,
                foreignId);
    }

    /** Databases keep microseconds: truncating here makes what is read back equal what was logged. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static void requireVerb(String verb) {
        if (verb == null || verb.isBlank()) {
            throw Problem.VERB_MISSING.exception(verb == null ? "null" : "blank ('" + verb + "')");
        }
        if (verb.length() > ActionEntity.VERB_LENGTH) {
            throw Problem.VERB_TOO_LONG.exception(verb.substring(0, 40) + "…", verb.length(), ActionEntity.VERB_LENGTH);
        }
    }

    /** Checks an action's key of the application ({@link org.actrack.Options#foreignId}). */
    public static String requireForeignId(String key) {
        String problem = key == null
                ? "null"
                : key.isBlank()
                        ? "blank"
                        : key.length() > LogOption.MAX_FOREIGN_ID_LENGTH
                                ? key.length() + " characters long"
                                : key.chars().anyMatch(Character::isISOControl) ? "holding a control character" : null;
        if (problem != null) {
            String shown =
                    key == null ? "(none)" : "'" + (key.length() > 100 ? key.substring(0, 100) + "…" : key) + "'";
            throw Problem.INVALID_FOREIGN_ID.exception(shown, problem, LogOption.MAX_FOREIGN_ID_LENGTH);
        }
        return key;
    }

    private void addRefs(EntityManager em, List<Object> objects, String role, Set<ObjectRef> into) {
        List<ObjectRef> refs = new ArrayList<>();
        for (Object object : ObjectLists.flatten(objects)) {
            refs.add(ref(em, object, role));
        }
        into.addAll(refs);
    }

    /** An object's reference, or that of its deleted item when the caller's persistence context removed it. */
    private ObjectRef ref(EntityManager em, Object object, String role) {
        ObjectRef ref = references.of(em, object, role);
        return removed.refOf(em, object, ref, role);
    }

    private static long requireGroupingDelay(long seconds) {
        if (seconds < -1) {
            throw Problem.INVALID_GROUPING_DELAY.exception(seconds);
        }
        return seconds;
    }
}
