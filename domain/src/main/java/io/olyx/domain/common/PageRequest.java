package io.olyx.domain.common;

/** One page of a newest-first listing; 1-based pages as the seed's list endpoints use them. */
public record PageRequest(int page, int perPage) {
    public static final int DEFAULT_PER_PAGE = 50;
    public static final int MAX_PER_PAGE = 100;

    public PageRequest {
        InvalidInput.require(page >= 1, "page", "page must be 1 or more");
        InvalidInput.require(perPage >= 1 && perPage <= MAX_PER_PAGE, "per_page",
                "per_page must be between 1 and " + MAX_PER_PAGE);
    }

    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_PER_PAGE);
    }

    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
