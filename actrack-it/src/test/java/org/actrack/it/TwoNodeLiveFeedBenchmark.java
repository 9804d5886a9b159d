/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The live-feed benchmark across two nodes on one PostgreSQL (two Payara Micro instances): the writer logs on the
 * first node, the feeds are open on the second, which learns of the actions by PostgreSQL's {@code NOTIFY}. On demand:
 * {@code mvn -B verify -pl actrack-it -Dit.test=TwoNodeLiveFeedBenchmark -Dactrack.test.db=postgresql}.
 */
@EnabledIfSystemProperty(named = "actrack.test.db", matches = "postgresql")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoNodeLiveFeedBenchmark {

    @Deployment(name = "first", order = 1, testable = false)
    static WebArchive first() {
        return LiveFeedBenchmark.benchWar("actrack-bench-first");
    }

    @Deployment(name = "second", order = 2, testable = false)
    static WebArchive second() {
        return LiveFeedBenchmark.benchWar("actrack-bench-second");
    }

    @ArquillianResource
    @OperateOnDeployment("first")
    URL first;

    @ArquillianResource
    @OperateOnDeployment("second")
    URL second;

    @Test
    void measure() throws Exception {
        String label = LiveFeedBenchmark.label() + ", two nodes: actions logged on one, feeds open on the other";
        LiveFeedBenchmark.Bench bench = new LiveFeedBenchmark.Bench(first, second, label);
        bench.warmUp();
        List<String> rows = new ArrayList<>();
        for (String size : System.getProperty("actrack.bench.feeds", "100,1000").split(",")) {
            rows.add(bench.run(Integer.parseInt(size.strip()), false));
        }
        LiveFeedBenchmark.Bench.report(label, rows);
    }
}
