/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.actrack.Action;
import org.actrack.ActionGroup;

/**
 * A page of actions as an Atom 1.0 feed (RFC 4287), paged with RFC 5005 {@code next} and {@code previous}
 * links. Every text goes through the XML writer, so rendered texts and names are escaped, never markup.
 */
final class AtomFeed {

    static final String NAMESPACE = "http://www.w3.org/2005/Atom";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private final ObjectAddresses objects;

    /** @param objects how objects are named and addressed */
    AtomFeed(ObjectAddresses objects) {
        this.objects = objects;
    }

    /**
     * The feed document. Its {@code updated} is the newest action's time (the epoch when the page is empty), so
     * an unchanged page gives the same document.
     */
    String feed(
            String id,
            String self,
            String title,
            List<Action> actions,
            List<String> summaries,
            Optional<String> next,
            Optional<String> prev) {
        return document(
                id,
                self,
                title,
                actions.isEmpty() ? Instant.EPOCH : actions.get(0).timestamp(),
                next,
                prev,
                xml -> {
                    for (int i = 0; i < actions.size(); i++) {
                        entry(xml, actions.get(i), summaries.get(i));
                    }
                });
    }

    /** A page of groups as an Atom feed: one entry per group, titled by the group's summary. */
    String groupFeed(
            String id,
            String self,
            String title,
            List<ActionGroup> groups,
            RenderedMembers rendered,
            Optional<String> next) {
        return document(
                id,
                self,
                title,
                groups.isEmpty() ? Instant.EPOCH : groups.get(0).newest(),
                next,
                Optional.empty(),
                xml -> {
                    for (ActionGroup group : groups) {
                        groupEntry(xml, id, group, rendered.summary(group));
                    }
                });
    }

    /** A group: its id is the feed's with the group's key as fragment; its author the newest member's actor. */
    private void groupEntry(XMLStreamWriter xml, String feed, ActionGroup group, String summary)
            throws XMLStreamException {
        Action newest = group.first();
        xml.writeStartElement("entry");
        element(xml, "id", feed + "#group-" + URLEncoder.encode(group.key(), StandardCharsets.UTF_8));
        element(xml, "title", summary);
        element(xml, "updated", group.newest().toString());
        xml.writeStartElement("author");
        element(xml, "name", newest.actorRef().isPresent() ? objects.name(newest.actor()) : "actrack");
        newest.actorRef().ifPresent(ref -> element(xml, "uri", objects.uri(ref, newest.actor())));
        xml.writeEndElement();
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", xmlText(group.verb()));
        group.groupedBy().ifPresent(ref -> link(xml, "related", objects.uri(ref, GroupJson.sharedObject(group, ref))));
        link(xml, "alternate", objects.action(newest.id()));
        xml.writeStartElement("content");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(xmlText(summary));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The entries of a feed document, written by the caller. */
    private interface Entries {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    /** A feed document: its head (id, title, updated, author, links), then the entries. */
    private static String document(
            String id,
            String self,
            String title,
            Instant updated,
            Optional<String> next,
            Optional<String> prev,
            Entries entries) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NAMESPACE);
            element(xml, "id", id);
            element(xml, "title", title);
            element(xml, "updated", updated.toString());
            xml.writeStartElement("author");
            element(xml, "name", "actrack");
            xml.writeEndElement();
            link(xml, "self", self);
            next.ifPresent(url -> link(xml, "next", url));
            prev.ifPresent(url -> link(xml, "previous", url));
            entries.write(xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException | UncheckedXml e) {
            throw new IllegalStateException("Could not write an Atom feed", e);
        }
        return text.toString();
    }

    private void entry(XMLStreamWriter xml, Action action, String summary) throws XMLStreamException {
        xml.writeStartElement("entry");
        element(xml, "id", objects.action(action.id()));
        element(xml, "title", summary);
        element(xml, "updated", action.timestamp().toString());
        element(xml, "published", action.timestamp().toString());
        xml.writeStartElement("author");
        element(xml, "name", action.actorRef().isPresent() ? objects.name(action.actor()) : "actrack");
        action.actorRef().ifPresent(ref -> element(xml, "uri", objects.uri(ref, action.actor())));
        xml.writeEndElement();
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", xmlText(action.verb()));
        for (int i = 0; i < action.targetRefs().size(); i++) {
            List<Object> targets = action.targets();
            link(
                    xml,
                    "related",
                    objects.uri(
                            action.targetRefs().get(i),
                            i < targets.size() ? Optional.ofNullable(targets.get(i)) : Optional.empty()));
        }
        xml.writeStartElement("content");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(xmlText(summary));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The text with the characters XML 1.0 cannot hold (controls, lone surrogates) replaced by U+FFFD. */
    static String xmlText(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints()
                .forEach(c -> clean.appendCodePoint(
                        c == 0x9
                                        || c == 0xA
                                        || c == 0xD
                                        || (c >= 0x20 && c <= 0xD7FF)
                                        || (c >= 0xE000 && c <= 0xFFFD)
                                        || (c >= 0x10000 && c <= 0x10FFFF)
                                ? c
                                : 0xFFFD));
        return clean.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String value) {
        try {
            xml.writeStartElement(name);
            xml.writeCharacters(xmlText(value));
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new UncheckedXml(e);
        }
    }

    private static void link(XMLStreamWriter xml, String rel, String href) {
        try {
            xml.writeEmptyElement("link");
            xml.writeAttribute("rel", rel);
            xml.writeAttribute("href", href);
        } catch (XMLStreamException e) {
            throw new UncheckedXml(e);
        }
    }

    /** A writer failure inside a lambda, rethrown as the feed's failure. */
    private static final class UncheckedXml extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedXml(XMLStreamException cause) {
            super(cause);
        }
    }
}
