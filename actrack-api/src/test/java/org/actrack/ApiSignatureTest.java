/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API compatibility check: every public type and member of actrack-api (packages {@code org.actrack} and
 * {@code org.actrack.spi}), as an application compiles against it, must be what {@code api/actrack-api.txt} records.
 * A change to the API, added, removed or altered, fails this test until the file is updated with it, so that it is
 * made on purpose and reviewed as a diff of that file (as Android's {@code api.txt} and Kotlin's binary compatibility
 * validator do). To accept a deliberate change: {@code mvn -pl actrack-api test -Dactrack.api.update=true}, then say
 * why in CHANGELOG.md. From 0.1.0 on, removing or altering a line breaks applications: deprecate instead.
 */
class ApiSignatureTest {

    private static final Path RECORDED = Path.of("api", "actrack-api.txt");

    @Test
    void publicApiIsWhatTheSignatureFileRecords() throws Exception {
        String current = signatures();
        if (Boolean.getBoolean("actrack.api.update")) {
            Files.createDirectories(RECORDED.getParent());
            Files.writeString(RECORDED, current, StandardCharsets.UTF_8);
        }
        assertThat(RECORDED)
                .as("the recorded API; write it with -Dactrack.api.update=true")
                .exists();
        List<String> recorded = Files.readAllLines(RECORDED, StandardCharsets.UTF_8);
        List<String> now = current.lines().toList();
        List<String> removed =
                recorded.stream().filter(line -> !now.contains(line)).toList();
        List<String> added =
                now.stream().filter(line -> !recorded.contains(line)).toList();
        assertThat(removed)
                .as(
                        "API removed or changed since %s was recorded (if on purpose: mvn -pl actrack-api test"
                                + " -Dactrack.api.update=true, and a CHANGELOG entry)",
                        RECORDED)
                .isEmpty();
        assertThat(added)
                .as(
                        "API added since %s was recorded (if on purpose: mvn -pl actrack-api test"
                                + " -Dactrack.api.update=true, and a CHANGELOG entry)",
                        RECORDED)
                .isEmpty();
    }

    /** One line per public type and per public or protected member, sorted, types first within their class. */
    private static String signatures() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(ActionLog.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(classes.resolve("org/actrack"))) {
            names = files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file)
                            .toString()
                            .replace('/', '.')
                            .replaceAll("\\.class$", ""))
                    .filter(name -> !name.endsWith("package-info"))
                    .sorted()
                    .toList();
        }
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, ApiSignatureTest.class.getClassLoader());
            if (!isReachable(type)) {
                continue;
            }
            lines.add(typeLine(type));
            TreeSet<String> members = new TreeSet<>();
            for (Field field : type.getDeclaredFields()) {
                if (isApi(field)) {
                    members.add("  field " + modifiers(field.getModifiers())
                            + field.getGenericType().getTypeName() + " " + field.getName());
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (isApi(constructor)) {
                    members.add("  constructor " + modifiers(constructor.getModifiers()) + type.getSimpleName()
                            + parameters(constructor));
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (isApi(method) && !method.isBridge()) {
                    members.add("  method " + modifiers(method.getModifiers()) + (method.isDefault() ? "default " : "")
                            + typeParameters(method)
                            + method.getGenericReturnType().getTypeName() + " " + method.getName()
                            + parameters(method));
                }
            }
            lines.addAll(members);
        }
        return lines.stream().collect(Collectors.joining("\n", "", "\n"));
    }

    /** A public type an application can name: public itself and in public enclosing types. */
    private static boolean isReachable(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isApi(Member member) {
        int modifiers = member.getModifiers();
        return !member.isSynthetic()
                && (Modifier.isPublic(modifiers)
                        || Modifier.isProtected(modifiers)
                                && !Modifier.isFinal(member.getDeclaringClass().getModifiers()));
    }

    private static String typeLine(Class<?> type) {
        String kind = type.isAnnotation()
                ? "@interface"
                : type.isInterface() ? "interface" : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
        int modifiers = type.getModifiers()
                & ~Modifier.INTERFACE
                & (type.isInterface() || type.isEnum() || type.isRecord()
                        ? ~(Modifier.ABSTRACT | Modifier.FINAL | Modifier.STATIC)
                        : ~0);
        StringBuilder line =
                new StringBuilder(modifiers(modifiers)).append(kind).append(' ').append(type.getName());
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            line.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0 && !type.isAnnotation()) {
            line.append(type.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        return line.toString();
    }

    /** {@code <T> }, {@code <T extends Enum<T>> }: a generic method's type parameters with their bounds. */
    private static String typeParameters(Method method) {
        if (method.getTypeParameters().length == 0) {
            return "";
        }
        return Arrays.stream(method.getTypeParameters())
                .map(variable -> {
                    List<String> bounds = Arrays.stream(variable.getBounds())
                            .filter(bound -> bound != Object.class)
                            .map(Type::getTypeName)
                            .toList();
                    return bounds.isEmpty()
                            ? variable.getName()
                            : variable.getName() + " extends " + String.join(" & ", bounds);
                })
                .collect(Collectors.joining(", ", "<", "> "));
    }

    private static String parameters(Executable executable) {
        String parameters = Arrays.stream(executable.getGenericParameterTypes())
                .map(Type::getTypeName)
                .collect(Collectors.joining(", ", "(", ")"));
        if (executable.isVarArgs()) {
            parameters = parameters.replaceFirst("\\[\\]\\)$", "...)");
        }
        Type[] exceptions = executable.getGenericExceptionTypes();
        return exceptions.length == 0
                ? parameters
                : parameters + " throws "
                        + Arrays.stream(exceptions).map(Type::getTypeName).collect(Collectors.joining(", "));
    }

    private static String modifiers(int modifiers) {
        String text = Modifier.toString(modifiers
                & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT));
        return text.isEmpty() ? "" : text + " ";
    }
}
