/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.actrack.engine.model.ActionEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The persistence units an application declares in its {@code META-INF/persistence.xml} files, read as the
 * descriptors say, so that a missing line is reported at deployment on every server, before any unit is
 * used.
 */
final class PersistenceDescriptors {

    /** actrack's mapping file, which lists its entities. */
    static final String MAPPING_FILE = "META-INF/actrack-orm.xml";

    /** The line that adds actrack's entities to a unit. */
    static final String MAPPING_LINE = "<mapping-file>" + MAPPING_FILE + "</mapping-file>";

    /**
     * One declared unit.
     *
     * @param name the unit's name
     * @param source the descriptor that declares it
     * @param mappingFiles its {@code mapping-file} entries
     * @param classes its {@code class} entries
     * @param jarFiles its {@code jar-file} entries
     */
    record Unit(String name, String source, List<String> mappingFiles, List<String> classes, List<String> jarFiles) {

        /** Whether the unit lists actrack's entities, by actrack's mapping file, their classes or actrack's jar. */
        boolean listsActracksEntities() {
            return mappingFiles.contains(MAPPING_FILE)
                    || classes.contains(ActionEntity.class.getName())
                    || jarFiles.stream().anyMatch(jar -> jar.contains("actrack-impl"));
        }
    }

    private PersistenceDescriptors() {}

    /** Every unit of the descriptors a class loader sees; none when they cannot be read. */
    static List<Unit> read(ClassLoader loader) {
        List<Unit> units = new ArrayList<>();
        try {
            for (URL descriptor : Collections.list(loader.getResources("META-INF/persistence.xml"))) {
                units.addAll(read(descriptor));
            }
        } catch (IOException | ParserConfigurationException | SAXException unreadable) {
            return List.of();
        }
        return units;
    }

    private static List<Unit> read(URL descriptor) throws IOException, ParserConfigurationException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document document;
        try (InputStream in = descriptor.openStream()) {
            document = builder.parse(in);
        }
        List<Unit> units = new ArrayList<>();
        NodeList elements = document.getElementsByTagNameNS("*", "persistence-unit");
        for (int i = 0; i < elements.getLength(); i++) {
            Element unit = (Element) elements.item(i);
            units.add(new Unit(
                    unit.getAttribute("name"),
                    descriptor.toString(),
                    texts(unit, "mapping-file"),
                    texts(unit, "class"),
                    texts(unit, "jar-file")));
        }
        return units;
    }

    private static List<String> texts(Element unit, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList elements = unit.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < elements.getLength(); i++) {
            texts.add(elements.item(i).getTextContent().strip());
        }
        return texts;
    }

    /**
     * The unit actrack writes to by default, when the descriptors tell: the one named by
     * {@code actrack.persistence-unit}, or the application's only unit.
     */
    static Optional<Unit> actracksUnit(List<Unit> units, Optional<String> configured) {
        if (configured.isPresent()) {
            return units.stream()
                    .filter(unit -> unit.name().equals(configured.get()))
                    .findFirst();
        }
        return units.size() == 1 ? Optional.of(units.get(0)) : Optional.empty();
    }
}
