package io.pilotlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps classes and methods small enough to read in one go (issue 10's bar: a class of about 300
 * lines, a method of about 50). Counts source lines, javadoc included, and finds methods by their
 * braces at the level of a type body, so it needs no parser and no compiled classes.
 */
class CodeSizeTest {

    static final int MAX_FILE_LINES = 300;
    static final int MAX_METHOD_LINES = 50;

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern TYPE = Pattern.compile("\\b(class|record|enum|interface)\\s+\\w+");
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])'");

    @Test
    void classesAndMethodsStaySmall() throws IOException {
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() > MAX_FILE_LINES) {
                    tooLong.add(file + ": " + lines.size() + " lines");
                }
                methods(file, lines, tooLong);
            }
        }
        assertThat(tooLong).as("over %d lines a file or %d a method", MAX_FILE_LINES, MAX_METHOD_LINES).isEmpty();
    }

    /** A block on the brace stack: a type body, a method (with the line its signature starts) or any other block. */
    private record Block(char kind, int start) {
    }

    private static void methods(Path file, List<String> lines, List<String> tooLong) {
        Deque<Block> stack = new ArrayDeque<>();
        Integer signature = null;
        boolean inComment = false;
        boolean inTextBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains("\"\"\"")) {
                inTextBlock ^= (line.split("\"\"\"", -1).length - 1) % 2 == 1;
                continue;
            }
            if (inTextBlock) {
                continue;
            }
            if (inComment) {
                int end = line.indexOf("*/");
                if (end < 0) {
                    continue;
                }
                inComment = false;
                line = line.substring(end + 2);
            }
            line = line.replaceAll("/\\*.*?\\*/", "");
            if (line.contains("/*")) {
                line = line.substring(0, line.indexOf("/*"));
                inComment = true;
            }
            line = STRING.matcher(line).replaceAll("\"\"").replaceAll("//.*", "");
            boolean atTypeLevel = stack.isEmpty() || stack.peek().kind() == 'T';
            boolean declaresType = TYPE.matcher(line).find();
            if (signature == null && atTypeLevel && line.contains("(") && !declaresType && !line.strip().startsWith("@")) {
                signature = i;
            }
            for (char c : line.toCharArray()) {
                if (c == '{') {
                    boolean typeLevel = stack.isEmpty() || stack.peek().kind() == 'T';
                    if (declaresType && typeLevel) {
                        stack.push(new Block('T', i));
                    } else if (signature != null && typeLevel) {
                        stack.push(new Block('M', signature));
                        signature = null;
                    } else {
                        stack.push(new Block('B', i));
                    }
                } else if (c == '}') {
                    Block block = stack.pop();
                    int length = i - block.start() + 1;
                    if (block.kind() == 'M' && length > MAX_METHOD_LINES) {
                        tooLong.add(file + ":" + (block.start() + 1) + ": a method of " + length + " lines");
                    }
                }
            }
            if (signature != null && line.strip().endsWith(";") && (stack.isEmpty() || stack.peek().kind() == 'T')) {
                signature = null;
            }
        }
    }
}
