package io.avcwatch.app.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Dockerfile as the list of its instructions, grouped into build stages: just enough of the
 * format (comments, parser directives, line continuations, {@code FROM ... AS name}) to check
 * what the file promises without a Docker engine.
 *
 * @param stages the build stages in file order
 */
record Dockerfile(List<Stage> stages) {

    Dockerfile {
        stages = List.copyOf(stages);
    }

    /**
     * One instruction, its keyword upper-cased and its arguments as written.
     *
     * @param keyword {@code FROM}, {@code COPY}, ...
     * @param arguments everything after the keyword, continuations joined with a space
     * @param line the 1-based line the instruction starts on
     */
    record Instruction(String keyword, String arguments, int line) {
    }

    /**
     * One build stage: its {@code FROM} image, its name (empty when unnamed) and its instructions.
     *
     * @param image the base image reference
     * @param name the {@code AS} name, or empty
     * @param instructions the instructions after {@code FROM}
     */
    record Stage(String image, String name, List<Instruction> instructions) {

        Stage {
            instructions = List.copyOf(instructions);
        }

        /** The instructions with {@code keyword}, in order. */
        List<Instruction> all(final String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        /** The last instruction with {@code keyword}: the one that takes effect for USER, CMD, ENTRYPOINT. */
        Optional<Instruction> last(final String keyword) {
            final List<Instruction> found = all(keyword);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
        }
    }

    /** The stage named {@code name}. */
    Stage stage(final String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no stage named " + name));
    }

    /** The stage the image is made of: the last one. */
    Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    /** Parses Dockerfile text; an instruction before the first {@code FROM} other than ARG is an error. */
    static Dockerfile parse(final String text) {
        final List<Stage> stages = new ArrayList<>();
        String image = null;
        String name = "";
        List<Instruction> current = new ArrayList<>();
        final String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            final int start = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final StringBuilder joined = new StringBuilder();
            while (line.endsWith("\\") && i + 1 < lines.length) {
                joined.append(line, 0, line.length() - 1).append(' ');
                line = lines[++i].strip();
                while (line.startsWith("#") && i + 1 < lines.length) {
                    line = lines[++i].strip();
                }
            }
            joined.append(line);
            final String[] parts = joined.toString().split("\\s+", 2);
            final Instruction instruction = new Instruction(parts[0].toUpperCase(Locale.ROOT),
                    parts.length > 1 ? parts[1].strip().replaceAll("\\s+", " ") : "", start);
            if (instruction.keyword().equals("FROM")) {
                if (image != null) {
                    stages.add(new Stage(image, name, current));
                }
                final String[] from = instruction.arguments().split(" ");
                image = from[0];
                name = from.length == 3 && from[1].equalsIgnoreCase("AS") ? from[2] : "";
                current = new ArrayList<>();
            } else if (image == null && !instruction.keyword().equals("ARG")) {
                throw new IllegalArgumentException("line " + start + ": " + instruction.keyword() + " before FROM");
            } else {
                current.add(instruction);
            }
        }
        if (image == null) {
            throw new IllegalArgumentException("no FROM instruction");
        }
        stages.add(new Stage(image, name, current));
        return new Dockerfile(stages);
    }
}
