/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The default handler's wording, from the resource bundle {@code org.actrack.ActionTexts} (English by
 * default; add {@code ActionTexts_fr.properties} and so on to translate).
 */
final class ActionTexts {

    private static final String BUNDLE = "org.actrack.ActionTexts";
    private static final long[] UNIT_SECONDS = {365L * 86400, 30L * 86400, 7L * 86400, 86400, 3600, 60};
    private static final String[] UNITS = {"year", "month", "week", "day", "hour", "minute"};

    private ActionTexts() {}

    /** "actor verb targets", plus " in relation to related" when there are related objects. */
    static String text(Action action, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        String actor = action.actor().map(String::valueOf).orElse(null);
        String targets = list(action.targets(), bundle, locale);
        String key = actor == null ? "text.noActor" : "text";
        String text = format(bundle, key, locale, actor, action.verb(), targets).strip();
        if (!action.related().isEmpty()) {
            text += format(bundle, "text.related", locale, list(action.related(), bundle, locale));
        }
        return text;
    }

    /** "a", "a and b", "a, b and c", "a, b and N others". */
    static String list(List<?> objects, ResourceBundle bundle, Locale locale) {
        return switch (objects.size()) {
            case 0 -> "";
            case 1 -> String.valueOf(objects.get(0));
            case 2 -> format(bundle, "list.two", locale, objects.get(0), objects.get(1));
            case 3 -> format(bundle, "list.three", locale, objects.get(0), objects.get(1), objects.get(2));
            default -> format(bundle, "list.more", locale, objects.get(0), objects.get(1), objects.size() - 2);
        };
    }

    /** "5 minutes ago", "1 day, 3 hours ago": the largest unit and the next one when it is not zero. */
    static String timeInfo(Instant timestamp, Instant now, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        long seconds = Math.max(0, Duration.between(timestamp, now).getSeconds());
        String since = null;
        for (int i = 0; i < UNITS.length; i++) {
            long count = seconds / UNIT_SECONDS[i];
            if (count > 0) {
                since = amount(bundle, locale, UNITS[i], count);
                if (i + 1 < UNITS.length) {
                    long next = (seconds - count * UNIT_SECONDS[i]) / UNIT_SECONDS[i + 1];
                    if (next > 0) {
                        since = format(bundle, "time.pair", locale, since, amount(bundle, locale, UNITS[i + 1], next));
                    }
                }
                break;
            }
        }
        return format(bundle, "time.ago", locale, since == null ? amount(bundle, locale, "minute", 0) : since);
    }

    private static String amount(ResourceBundle bundle, Locale locale, String unit, long count) {
        return format(bundle, "time." + unit + (count == 1 ? "" : "s"), locale, count);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                BUNDLE,
                locale,
                ActionTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    private static String format(ResourceBundle bundle, String key, Locale locale, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
