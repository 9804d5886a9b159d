/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statements of actrack's sent on the JDBC connection of the caller's transaction ({@link ProviderHooks#withConnection}),
 * statements of the same text as one JDBC batch: the unread marks of a transaction's actions, one
 * {@code INSERT … SELECT} each, cost one round trip instead of one each, as a hand-written batch does.
 *
 * @param batches whether the driver takes such statements in a batch (not MariaDB Connector/J's bulk protocol, which
 *        refuses {@code INSERT … SELECT}): when not, each is executed by itself, still without a provider query each
 */
public record JdbcBatch(boolean batches) {

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    /** A statement as actrack writes it for JPA: numbered parameters {@code ?1, ?2…} and their values. */
    public record Statement(String sql, List<Object> parameters) {}

    /**
     * Executes the statements, those of the same text together (in the order their texts first appear, each text's
     * statements in their order): their order does not matter to what they write.
     *
     * @return the rows they changed, as the driver reports them (a batch entry it reports without a count counts none)
     */
    public long execute(Connection connection, List<Statement> unordered) throws SQLException {
        java.util.Map<String, List<Statement>> byText = new java.util.LinkedHashMap<>();
        unordered.forEach(statement -> byText.computeIfAbsent(statement.sql(), text -> new ArrayList<>())
                .add(statement));
        List<Statement> statements =
                byText.values().stream().flatMap(List::stream).toList();
        long changed = 0;
        int from = 0;
        while (from < statements.size()) {
            String sql = statements.get(from).sql();
            int to = from + 1;
            while (batches && to < statements.size() && statements.get(to).sql().equals(sql)) {
                to++;
            }
            List<Integer> order = new ArrayList<>();
            Matcher numbered = NUMBERED.matcher(sql);
            while (numbered.find()) {
                order.add(Integer.parseInt(numbered.group(1)) - 1);
            }
            try (PreparedStatement statement = connection.prepareStatement(numbered.replaceAll("?"))) {
                for (Statement one : statements.subList(from, to)) {
                    for (int i = 0; i < order.size(); i++) {
                        JdbcRows.bind(
                                connection, statement, i + 1, one.parameters().get(order.get(i)));
                    }
                    if (to - from > 1) {
                        statement.addBatch();
                    }
                }
                if (to - from > 1) {
                    for (int count : statement.executeBatch()) {
                        changed += Math.max(0, count);
                    }
                } else {
                    changed += statement.executeUpdate();
                }
            }
            from = to;
        }
        return changed;
    }
}
