/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.jms;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.naming.Context;
import javax.naming.NamingException;
import org.actrack.ActrackException;
import org.actrack.ErrorCode;
import org.actrack.Setting;
import org.actrack.SettingKeys;

/**
 * actrack-jms's settings, each declared once and read once when the application starts ({@link JmsExporter});
 * docs/reference.md lists them with the others.
 */
final class JmsSettings {

    private static final String PREFIX = SettingKeys.PREFIX + "jms.";

    static final Setting<String> CONNECTION_FACTORY = Setting.text(
            PREFIX + "connection-factory",
            "java:comp/DefaultJMSConnectionFactory",
            JmsSettings::isJndiName,
            "a JNDI name without spaces",
            "actrack-jms: the JNDI name of the connection factory; the default is the platform's default factory");

    static final Setting<String> DESTINATION = Setting.text(
            PREFIX + "destination",
            "",
            name -> name.isEmpty() || isJndiName(name),
            "a JNDI name without spaces",
            "actrack-jms: the JNDI name of the queue or topic the outbox's events go to; required with the jar");

    static final List<Setting<?>> ALL = List.of(CONNECTION_FACTORY, DESTINATION);

    final String connectionFactory;
    final String destination;

    private JmsSettings(Function<String, Optional<String>> lookup) {
        this.connectionFactory = CONNECTION_FACTORY.read(lookup);
        this.destination = DESTINATION.read(lookup);
        if (destination.isEmpty()) {
            throw new ActrackException(
                    ErrorCode.INVALID_SETTING,
                    DESTINATION.key() + " is not set: actrack-jms sends the outbox's events to the queue or topic"
                            + " whose JNDI name it gives (java:/jms/queue/actrack, say); set it, or remove"
                            + " actrack-jms's jar");
        }
    }

    static JmsSettings from(Function<String, Optional<String>> lookup) {
        return new JmsSettings(lookup);
    }

    private static boolean isJndiName(String name) {
        return !name.isEmpty() && name.chars().noneMatch(Character::isWhitespace);
    }

    /**
     * The exporter these settings name, looked up in {@code naming}.
     *
     * @throws ActrackException {@link ErrorCode#INVALID_SETTING} naming the key and the name when the name is unknown
     *     or bound to something else
     */
    JmsActionExporter exporter(Context naming) {
        return new JmsActionExporter(
                lookup(naming, CONNECTION_FACTORY, connectionFactory, ConnectionFactory.class),
                lookup(naming, DESTINATION, destination, Destination.class));
    }

    private static <T> T lookup(Context naming, Setting<String> setting, String name, Class<T> type) {
        Object found;
        try {
            found = naming.lookup(name);
        } catch (NamingException unknown) {
            throw new ActrackException(
                    ErrorCode.INVALID_SETTING,
                    setting.key() + " is " + name + ", which JNDI does not know (" + unknown.getMessage() + "): name a "
                            + type.getSimpleName() + " the server defines",
                    unknown);
        }
        if (!type.isInstance(found)) {
            throw new ActrackException(
                    ErrorCode.INVALID_SETTING,
                    setting.key() + " is " + name + ", which is a "
                            + (found == null ? "null" : found.getClass().getName()) + ", not a jakarta.jms."
                            + type.getSimpleName());
        }
        return type.cast(found);
    }

    @Override
    public String toString() {
        return "JmsSettings[" + CONNECTION_FACTORY.key() + "=" + connectionFactory + ", " + DESTINATION.key() + "="
                + destination + "]";
    }
}
