package org.greenlane.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.greenlane.screening.AccommodationFact;
import org.greenlane.screening.ApplicationFact;
import org.greenlane.screening.CommuterFact;
import org.greenlane.screening.Finding;
import org.greenlane.screening.IndustrialPark;
import org.greenlane.screening.LockdownCommune;
import org.greenlane.screening.MedicalPlanFact;
import org.greenlane.screening.PolicyParameter;
import org.greenlane.screening.RetestedWorker;
import org.greenlane.screening.ScreenedWorker;
import org.greenlane.screening.Severity;
import org.greenlane.screening.ShuttleFact;
import org.greenlane.screening.VaccinationPriority;
import org.greenlane.screening.WorkerMark;
import org.greenlane.system.Keys;

/**
 * Rule files are code that runs on the server: a DRL consequence is Java. A rule may only reason over the facts
 * and values it is given and insert what it finds; this refuses, before Drools compiles anything, every file that
 * names a type outside an allow-list (the facts, findings, strings, numbers, dates, collections), reaches for
 * reflection or the Drools session around it, declares functions, globals or types, loops, or hides code in a
 * unicode escape. Comments and string contents are not code and are not checked. What a rule may use is listed in
 * rules/README.md.
 */
final class RuleSourceCheck {

    /** The types a rule may name, by their simple name (as imported, or java.lang's) and full name. */
    private static final Map<String, Class<?>> TYPES = Stream.of(
            // the facts and what rules insert
            ScreenedWorker.class, RetestedWorker.class, ApplicationFact.class, AccommodationFact.class,
            ShuttleFact.class, CommuterFact.class, MedicalPlanFact.class, IndustrialPark.class, LockdownCommune.class,
            PolicyParameter.class, Finding.class, WorkerMark.class, VaccinationPriority.class, Severity.class,
            Keys.class,
            // values
            String.class, StringBuilder.class, CharSequence.class, Math.class, Integer.class, Long.class,
            Double.class, Float.class, Short.class, Byte.class, Boolean.class, Character.class, Number.class,
            Comparable.class, BigDecimal.class, BigInteger.class, LocalDate.class, LocalDateTime.class,
            Instant.class, Duration.class, Period.class, DayOfWeek.class, Month.class, ChronoUnit.class,
            List.class, Set.class, Map.class, Collection.class, Collections.class, Arrays.class, ArrayList.class,
            HashMap.class, HashSet.class, LinkedHashMap.class, LinkedHashSet.class, TreeMap.class, TreeSet.class,
            Objects.class, Optional.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, type -> type));
    private static final Set<String> FULL_NAMES = TYPES.values().stream().map(Class::getName)
            .collect(Collectors.toUnmodifiableSet());
    /** Where a qualified name starts: a package outside the allow-list is outside the facts. */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io",
            "kotlin", "scala", "groovy");
    /** Words that bring code or state the rules must not have. */
    private static final Set<String> REFUSED_WORDS = Set.of("function", "global", "declare", "while", "for", "do",
            "foreach", "until", "def", "synchronized", "throw", "try", "catch", "finally", "class", "interface",
            "enum", "record", "native",
            "volatile", "transient", "goto", "drools", "kcontext");
    /** Members that lead from any object to its class, class loader, the process or the session. */
    private static final Set<String> REFUSED_MEMBERS = Set.of("class", "getClass", "getClassLoader", "forName",
            "loadClass", "newInstance", "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField",
            "getDeclaredFields", "getDeclaredConstructor", "getDeclaredConstructors", "getMethod", "getMethods",
            "getField", "getFields", "getConstructor", "getConstructors", "setAccessible", "invoke", "getResource",
            "getResourceAsStream", "getProtectionDomain", "getModule", "getRuntime", "exec", "exit", "halt", "getenv",
            "getProperty", "getProperties", "setProperty", "getInteger", "getLong", "getBoolean", "lookup",
            "getKieRuntime", "getKieBase", "getEnvironment", "getWorkingMemory", "getEntryPoint", "getGlobals");

    private RuleSourceCheck() {
    }

    /** One thing a source may not do, at its line (1-based). */
    record Violation(int line, String message) {
    }

    static List<Violation> violations(String source) {
        List<Violation> found = new ArrayList<>();
        int escape = source.indexOf("\\u");
        if (escape >= 0) {
            found.add(new Violation(lineAt(source, escape), "a unicode escape (\\u…) is not allowed: Java reads it "
                    + "as code even inside a comment or string; write the character itself"));
        }
        List<Token> tokens = tokens(source);
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.isWord() || token.text().startsWith("$")) {
                continue;
            }
            boolean member = i > 0 && (tokens.get(i - 1).is(".") || tokens.get(i - 1).is("::"));
            String word = token.text();
            if (member) {
                if (REFUSED_MEMBERS.contains(word)) {
                    found.add(new Violation(token.line(), "\"." + word + "\" reaches outside the facts"));
                }
            } else if (word.equals("package") || word.equals("import")) {
                int end = endOfStatement(tokens, i);
                String named = joined(tokens, i + 1, end);
                if (word.equals("import") && !FULL_NAMES.contains(named)) {
                    found.add(new Violation(token.line(), "import " + named + ": a rule may import only the "
                            + "facts, findings and value types listed in rules/README.md"));
                }
                i = end < tokens.size() && tokens.get(end).is(";") ? end : end - 1;
            } else if (REFUSED_WORDS.contains(word)) {
                found.add(new Violation(token.line(), "\"" + word + "\" is not allowed in a rule file"));
            } else if (PACKAGE_ROOTS.contains(word)) {
                int end = endOfQualifiedName(tokens, i);
                String name = joined(tokens, i, end);
                if (FULL_NAMES.stream().noneMatch(type -> name.equals(type) || name.startsWith(type + "."))) {
                    found.add(new Violation(token.line(), name + " reaches outside the facts"));
                }
                i = end - 1;
            } else if (Character.isUpperCase(word.charAt(0)) && !TYPES.containsKey(word)) {
                found.add(new Violation(token.line(), word + " is not a type a rule may use (see rules/README.md)"));
            }
        }
        return found;
    }

    /** Where a {@code package} or {@code import} ends: at its ';', or where its line does. */
    private static int endOfStatement(List<Token> tokens, int start) {
        int line = tokens.get(start).line();
        int i = start + 1;
        while (i < tokens.size() && !tokens.get(i).is(";") && tokens.get(i).line() == line) {
            i++;
        }
        return i;
    }

    /** The index after a dotted name starting at {@code start}. */
    private static int endOfQualifiedName(List<Token> tokens, int start) {
        int i = start + 1;
        while (i + 1 < tokens.size() && tokens.get(i).is(".") && tokens.get(i + 1).isWord()) {
            i += 2;
        }
        return i;
    }

    /** The tokens from {@code from} to before {@code to}, written together. */
    private static String joined(List<Token> tokens, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < Math.min(to, tokens.size()); i++) {
            text.append(tokens.get(i).text());
        }
        return text.toString();
    }

    private record Token(String text, int line) {

        boolean isWord() {
            return Character.isJavaIdentifierStart(text.charAt(0));
        }

        boolean is(String symbol) {
            return text.equals(symbol);
        }
    }

    /** Words and symbols with their lines; comments, strings and characters left out. */
    private static List<Token> tokens(String source) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += (int) source.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end;
            } else if (c == '"' || c == '\'') {
                int start = i;
                i++;
                while (i < n && source.charAt(i) != c) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i = Math.min(i + 1, n);
                line += (int) source.substring(start, i).chars().filter(ch -> ch == '\n').count();
            } else if (Character.isDigit(c)) {
                // a number, suffix and exponent included (100L, 1e5, 0x1F)
                while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_'
                        || (source.charAt(i) == '.' && i + 1 < n && Character.isDigit(source.charAt(i + 1))))) {
                    i++;
                }
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(source.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(source.substring(start, i), line));
            } else if (source.startsWith("::", i)) {
                tokens.add(new Token("::", line));
                i += 2;
            } else if (c == '.' && i + 1 < n && source.charAt(i + 1) == '?') {
                // MVEL's null-safe member access
                tokens.add(new Token(".", line));
                i += 2;
            } else {
                tokens.add(new Token(String.valueOf(c), line));
                i++;
            }
        }
        return tokens;
    }

    private static int lineAt(String source, int index) {
        return 1 + (int) source.substring(0, index).chars().filter(ch -> ch == '\n').count();
    }
}
