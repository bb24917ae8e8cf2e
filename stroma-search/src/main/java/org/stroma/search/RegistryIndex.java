package org.stroma.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.stroma.protocol.Allocation;
import org.stroma.protocol.InterventionModel;
import org.stroma.protocol.Masking;
import org.stroma.protocol.OverallStatus;
import org.stroma.protocol.Phase;
import org.stroma.protocol.PrimaryPurpose;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.StudyType;
import org.stroma.protocol.CellType;
import org.stroma.protocol.ProductSource;
import org.stroma.protocol.Tissue;

/**
 * The registry's records in a Lucene index on disk: added (a record already there, by NCT id, is replaced), searched
 * by fields and free text, and asked for the trials related to one: those of the same disease area (ICD-10 chapter of
 * its conditions) first, sharing its condition concepts, a cell product if it has one, then its conditions' words,
 * interventions and text (Lucene's MoreLikeThis over each field). English stemming makes "cardiomyopathies" find "cardiomyopathy".
 */
public final class RegistryIndex implements Closeable {
    private static final Analyzer ANALYZER = new EnglishAnalyzer();
    private static final String[] TEXT_FIELDS = {RegistryDocument.TITLE, RegistryDocument.CONDITION,
        RegistryDocument.INTERVENTION, RegistryDocument.TEXT};

    private final Directory directory;
    /** Null when the index is only read: another process (stroma registry index) may be writing it. */
    private final IndexWriter writer;
    /** Hands out searchers over the latest commit, each kept open until its search is done. */
    private SearcherManager searchers;

    private RegistryIndex(Directory directory, IndexWriter writer) {
        this.directory = directory;
        this.writer = writer;
    }

    /** The index in a folder to add records to, created when it is not there yet. */
    public static RegistryIndex open(Path folder) throws IOException {
        Directory directory = FSDirectory.open(folder);
        return new RegistryIndex(directory, new IndexWriter(directory, new IndexWriterConfig(ANALYZER)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setRAMBufferSizeMB(64)));
    }

    /**
     * The index in a folder, to search only: what another process commits is seen at the next search. Empty when the
     * folder holds no index (yet).
     */
    public static RegistryIndex reading(Path folder) throws IOException {
        return new RegistryIndex(FSDirectory.open(folder), null);
    }

    /** Whether the folder holds an index at all. */
    public boolean exists() throws IOException {
        return DirectoryReader.indexExists(directory);
    }

    /**
     * Adds a record, or replaces the one with its NCT id. Searches see it after {@link #commit}. A record without an
     * NCT number is an IllegalArgumentException.
     */
    public void add(Protocol protocol) {
        if (writer == null) {
            throw new IllegalStateException("this index is open for searching only");
        }
        try {
            Document document = RegistryDocument.of(protocol); // refuses a record without an NCT number
            writer.updateDocument(new Term(RegistryDocument.ID, protocol.identification().nctId()), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds copies of a record under other NCT ids, the record read once: a synthetic registry of any size, for
     * measuring the index at the registry's scale.
     */
    public void addCopies(Protocol protocol, List<String> nctIds) throws IOException {
        if (writer == null) {
            throw new IllegalStateException("this index is open for searching only");
        }
        Document d = RegistryDocument.of(protocol);
        for (String id : nctIds) {
            d.removeField(RegistryDocument.ID);
            d.add(new org.apache.lucene.document.StringField(RegistryDocument.ID, id,
                    org.apache.lucene.document.Field.Store.YES));
            writer.addDocument(d);
        }
    }

    /** Makes what was added durable and visible to searches. */
    public void commit() throws IOException {
        writer.commit();
        if (searchers != null) {
            searchers.maybeRefreshBlocking();
        }
    }

    /** Something done with a searcher over the latest commit. */
    private interface Search<T> {
        T with(IndexSearcher searcher) throws IOException;
    }

    private <T> T searching(Search<T> search, T whenEmpty) throws IOException {
        synchronized (this) {
            if (searchers == null) {
                if (writer == null && !exists()) {
                    return whenEmpty;
                }
                searchers = writer != null ? new SearcherManager(writer, null) : new SearcherManager(directory, null);
            }
        }
        searchers.maybeRefresh();
        IndexSearcher searcher = searchers.acquire();
        try {
            return search.with(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Whether the index holds a trial. */
    public boolean contains(String nctId) throws IOException {
        return searching(searcher -> searcher.count(new TermQuery(new Term(RegistryDocument.ID, nctId))) > 0,
                false);
    }

    public int size() throws IOException {
        return searching(searcher -> searcher.getIndexReader().numDocs(), 0);
    }

    /** The best matches of a query, best first. A free text Lucene cannot parse is an IllegalArgumentException. */
    public List<TrialHit> search(RegistryQuery q, int limit) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean any = false;
        if (present(q.text())) {
            MultiFieldQueryParser parser = new MultiFieldQueryParser(TEXT_FIELDS, ANALYZER);
            parser.setDefaultOperator(QueryParser.Operator.AND);
            try {
                query.add(parser.parse(q.text()), BooleanClause.Occur.MUST);
            } catch (ParseException e) {
                throw new IllegalArgumentException("the search text cannot be read: " + e.getMessage(), e);
            }
            any = true;
        }
        any |= phrase(query, RegistryDocument.CONDITION, q.condition());
        any |= phrase(query, RegistryDocument.INTERVENTION, q.intervention());
        any |= keyword(query, RegistryDocument.PHASE, q.phase(), Phase.class);
        any |= keyword(query, RegistryDocument.STATUS, q.status(), OverallStatus.class);
        any |= keyword(query, RegistryDocument.COUNTRY, q.country());
        any |= keyword(query, RegistryDocument.DESIGN, q.design(), StudyType.class, Allocation.class,
                InterventionModel.class, PrimaryPurpose.class, Masking.class);
        if (present(q.cellProduct())) {
            // "mesenchymal" finds MESENCHYMAL_STROMAL: the cell product's words are prefixes of its kinds
            query.add(new PrefixQuery(new Term(RegistryDocument.CELL, Keywords.of(q.cellProduct(), CellType.class,
                    Tissue.class, ProductSource.class))), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (!any) {
            query.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        Query built = query.build();
        return searching(searcher -> hits(searcher, searcher.search(built, limit)), List.of());
    }

    /**
     * The trials most like one in the index, by its conditions (weighing three times), interventions (twice) and
     * words; empty when the index does not hold it.
     */
    public List<TrialHit> related(String nctId, int limit) throws IOException {
        return searching(searcher -> {
            TopDocs self = searcher.search(new TermQuery(new Term(RegistryDocument.ID, nctId)), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            return related(searcher, nctId, searcher.storedFields().document(self.scoreDocs[0].doc), limit);
        }, List.of());
    }

    /** The trials most like a protocol, whether the index holds it or not (never the protocol's own record). */
    public List<TrialHit> related(Protocol protocol, int limit) throws IOException {
        Document source = RegistryDocument.of(protocol);
        return searching(searcher -> related(searcher, protocol.identification().nctId(), source, limit), List.of());
    }

    private List<TrialHit> related(IndexSearcher searcher, String nctId, Document source, int limit)
            throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(ANALYZER);
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMaxQueryTerms(30);
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        like.add(field(mlt, RegistryDocument.CONDITION, source.getValues(RegistryDocument.SHOWN_CONDITION), 3f),
                BooleanClause.Occur.SHOULD);
        like.add(field(mlt, RegistryDocument.INTERVENTION, source.getValues(RegistryDocument.SHOWN_INTERVENTION),
                2f), BooleanClause.Occur.SHOULD);
        like.add(field(mlt, RegistryDocument.TEXT, source.getValues(RegistryDocument.TEXT), 1f),
                BooleanClause.Occur.SHOULD);
        for (String concept : source.getValues(RegistryDocument.CONCEPT)) {
            like.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(RegistryDocument.CONCEPT,
                    concept))), 6f), BooleanClause.Occur.SHOULD);
        }
        for (String area : source.getValues(RegistryDocument.AREA)) {
            like.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(RegistryDocument.AREA, area))),
                    20f), BooleanClause.Occur.SHOULD);
        }
        // a trial of a cell product is related to others of one, the more so of the same kind
        for (String cell : new java.util.LinkedHashSet<>(Arrays.asList(source.getValues(RegistryDocument.CELL)))) {
            like.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(RegistryDocument.CELL, cell))),
                    cell.equals("any") ? 6f : 1f), BooleanClause.Occur.SHOULD);
        }
        like.add(new TermQuery(new Term(RegistryDocument.ID, nctId)), BooleanClause.Occur.MUST_NOT);
        return hits(searcher, searcher.search(like.build(), limit));
    }

    private static Query field(MoreLikeThis mlt, String field, String[] values, float boost) throws IOException {
        mlt.setFieldNames(new String[] {field});
        return new BoostQuery(mlt.like(field, new StringReader(String.join("\n", values))), boost);
    }

    private static List<TrialHit> hits(IndexSearcher searcher, TopDocs top) throws IOException {
        List<TrialHit> hits = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc);
            hits.add(new TrialHit(d.get(RegistryDocument.ID), d.get(RegistryDocument.TITLE),
                    d.get(RegistryDocument.SHOWN_STATUS), Arrays.asList(d.getValues(RegistryDocument.SHOWN_PHASE)),
                    Arrays.asList(d.getValues(RegistryDocument.SHOWN_CONDITION)),
                    Arrays.asList(d.getValues(RegistryDocument.SHOWN_CELL)), sd.score));
        }
        return hits;
    }

    private static boolean phrase(BooleanQuery.Builder query, String field, String value) {
        if (!present(value)) {
            return false;
        }
        Query phrase = new QueryParser(field, ANALYZER).createPhraseQuery(field, value);
        if (phrase == null) {
            throw new IllegalArgumentException("the " + field + " \"" + value + "\" has no word to search for");
        }
        query.add(phrase, BooleanClause.Occur.MUST);
        return true;
    }

    @SafeVarargs
    private static boolean keyword(BooleanQuery.Builder query, String field, String value,
            Class<? extends Enum<?>>... vocabulary) {
        if (!present(value)) {
            return false;
        }
        query.add(new TermQuery(new Term(field, Keywords.of(value, vocabulary))), BooleanClause.Occur.FILTER);
        return true;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public void close() throws IOException {
        if (searchers != null) {
            searchers.close();
        }
        if (writer != null) {
            writer.close();
        }
        directory.close();
    }
}
