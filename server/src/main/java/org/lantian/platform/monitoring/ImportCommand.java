package org.lantian.platform.monitoring;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.lantian.platform.identity.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The import command: {@code java -jar lantian-server.jar --import.csv=FILE} (Lantian's CSV layout) or
 * {@code --import.china-sites=FILE} (a national-network daily file, or a folder: every
 * {@code china_sites_*.csv} in it, in name order, one batch each). Imports as the platform, prints the
 * report, and exits with status 0 when every row was taken, 1 when rows were rejected, 2 when the file
 * could not be read. Lantian starts without its web server for this ({@code LantianApplication.main}).
 */
@Component
@Order(100)
class ImportCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);
    static final String CSV = "import.csv";
    static final String CHINA_SITES = "import.china-sites";

    private final Ingestion ingestion;
    private final Actors actors;
    private final ConfigurableApplicationContext context;

    ImportCommand(Ingestion ingestion, Actors actors, ConfigurableApplicationContext context) {
        this.ingestion = ingestion;
        this.actors = actors;
        this.context = context;
    }

    private int importFile(Path file, boolean csv) {
        try {
            RowSource source = csv ? ObservationCsvReader.opening(() -> Files.newBufferedReader(file, StandardCharsets.UTF_8))
                    : sink -> {
                        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                            new ChinaSitesReader(reader).readInto(sink);
                        }
                    };
            IngestReport report = actors.asSystem(() -> ingestion.ingest(new Ingestion.Submission("command",
                    csv ? "csv" : "china_sites", file.getFileName().toString()), source));
            log.info("Imported {}: batch {}, {} received, {} inserted, {} revised, {} unchanged, {} rejected;"
                            + " {} stations of other cities skipped", file, report.batchId(), report.received(),
                    report.inserted(), report.revised(), report.unchanged(), report.rejected(), report.foreignStations().size());
            report.errors().stream().limit(20).forEach(e -> log.warn("line {} {}: {}", e.line(), e.field(), e.reason()));
            return report.rejected() == 0 ? 0 : 1;
        } catch (java.io.UncheckedIOException | BadInput e) { // an unreadable file, or one that is not the layout
            log.error("Cannot import {}: {}", file, e.getMessage());
            return 2;
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean csv = args.containsOption(CSV);
        if (!csv && !args.containsOption(CHINA_SITES)) {
            return;
        }
        int exit = importAll(Path.of(args.getOptionValues(csv ? CSV : CHINA_SITES).get(0)), csv);
        System.exit(org.springframework.boot.SpringApplication.exit(context, () -> exit));
    }

    /** Imports a file, or every daily file of a folder, and answers the exit status. */
    int importAll(Path given, boolean csv) {
        int status = 0;
        try {
            List<Path> files = List.of(given);
            if (!csv && Files.isDirectory(given)) {
                try (var listing = Files.list(given)) {
                    files = listing.filter(f -> f.getFileName().toString().matches("china_sites_\\d{8}\\.csv")).sorted().toList();
                }
            }
            for (Path file : files) {
                status = Math.max(status, importFile(file, csv));
            }
        } catch (IOException e) {
            log.error("Cannot read {}: {}", given, e.getMessage());
            status = 2;
        }
        return status;
    }
}
