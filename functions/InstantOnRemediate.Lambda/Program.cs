// Placeholder entry point; the Runtime API loop replaces it.
return 0;
