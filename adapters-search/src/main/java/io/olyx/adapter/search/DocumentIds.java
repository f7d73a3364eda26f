package io.olyx.adapter.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Pages through the document ids of an index in its term dictionary, where each id is one term however many chunks
 * carry it. A term stays in the dictionary until a merge drops the chunks deleted under it, so an id is listed only
 * while one of its chunks is live.
 */
final class DocumentIds {
    private DocumentIds() {
    }

    static List<String> page(IndexReader reader, Optional<String> after, int limit) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, ChunkFields.DOCUMENT_ID);
        if (terms == null) {
            return List.of();
        }
        TermsEnum ids = terms.iterator();
        BytesRef term;
        if (after.isEmpty()) {
            term = ids.next();
        } else {
            BytesRef from = new BytesRef(after.get());
            TermsEnum.SeekStatus status = ids.seekCeil(from);
            term = switch (status) {
                case END -> null;
                case FOUND -> ids.next();
                case NOT_FOUND -> ids.term();
            };
        }
        Bits live = MultiBits.getLiveDocs(reader);
        List<String> page = new ArrayList<>();
        PostingsEnum chunks = null;
        for (; term != null && page.size() < limit; term = ids.next()) {
            chunks = ids.postings(chunks, PostingsEnum.NONE);
            if (anyLive(chunks, live)) {
                page.add(term.utf8ToString());
            }
        }
        return page;
    }

    private static boolean anyLive(PostingsEnum chunks, Bits live) throws IOException {
        for (int doc = chunks.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = chunks.nextDoc()) {
            if (live == null || live.get(doc)) {
                return true;
            }
        }
        return false;
    }
}
