/*
 * content.c - read a course's Markdown pages, glossary and questions
 * SPDX-License-Identifier: MIT
 */
#include "content.h"

#include <dirent.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "quizlint.h"
#include "util.h"

#define MAX_SOURCE_BYTES (4u << 20)
#define MAX_PAGES 200
#define MAX_NODES_EDITED 100000

static const char *const GFM_EXTENSIONS[] = {
  "table", "strikethrough", "autolink", NULL};

/* ---- cmark plumbing ------------------------------------------------- */

static cmark_parser *new_parser(int options)
{
  cmark_parser *parser;

  cmark_gfm_core_extensions_ensure_registered();
  parser = cmark_parser_new(options);
  for (int i = 0; GFM_EXTENSIONS[i]; i++) {
    cmark_syntax_extension *ext =
      cmark_find_syntax_extension(GFM_EXTENSIONS[i]);
    if (ext)
      cmark_parser_attach_syntax_extension(parser, ext);
  }
  return parser;
}

static cmark_node *parse_markdown(cmark_parser *parser, const char *text,
                                  size_t len)
{
  cmark_parser_feed(parser, text, len);
  return cmark_parser_finish(parser);
}

static char *render_html(cmark_parser *parser, cmark_node *doc,
                         int options)
{
  char *html = cmark_render_html(doc, options | CMARK_OPT_FOOTNOTES,
                                 cmark_parser_get_syntax_extensions(parser));
  char *copy = xstrdup(html);

  free(html);
  return copy;
}

char *content_render_snippet(const char *markdown)
{
  cmark_parser *parser = new_parser(CMARK_OPT_DEFAULT);
  cmark_node *doc = parse_markdown(parser, markdown, strlen(markdown));
  char *html = render_html(parser, doc, CMARK_OPT_DEFAULT);

  cmark_node_free(doc);
  cmark_parser_free(parser);
  return html;
}

/* The plain text under 'node', for titles and alt texts. */
static void collect_text(cmark_node *node, strbuf *out)
{
  for (cmark_node *c = cmark_node_first_child(node); c;
       c = cmark_node_next(c)) {
    cmark_node_type type = cmark_node_get_type(c);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)
      sb_puts(out, cmark_node_get_literal(c));
    else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
      sb_puts(out, " ");
    else
      collect_text(c, out);
  }
}

static int count_words(const char *text)
{
  int words = 0;
  bool in_word = false;

  for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
    bool part = (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
                (*p >= 'A' && *p <= 'Z') || *p >= 0x80;
    bool space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
    if (part && !in_word) {
      words++;
      in_word = true;
    } else if (space) {
      in_word = false;
    }
  }
  return words;
}

/* ---- reading sources ------------------------------------------------ */

/* Read a course source: it must sit inside the course folder (no
 * symbolic link out of it) and be clean UTF-8 text. */
static int read_source(const char *root, const char *path, char **text,
                       size_t *len, diag_list *diags)
{
  long bad;

  if (!path_inside(root, path)) {
    diag_error(diags, path, 0, 0, "the file lies outside the course "
               "folder (a symbolic link?)");
    return -1;
  }
  if (read_file(path, MAX_SOURCE_BYTES, text, len) != 0) {
    diag_error(diags, path, 0, 0, "cannot read: %s", read_file_error());
    return -1;
  }
  bad = text_check(*text, *len);
  if (bad >= 0) {
    diag_error(diags, path, line_of(*text, (size_t)bad), 0, "a control "
               "character or a byte that is not UTF-8: save the file as "
               "UTF-8 text");
    free(*text);
    *text = NULL;
    return -1;
  }
  return 0;
}

/* Links may leave the course only for the web or mail; 'javascript:'
 * and 'data:' would run or show anything. */
static bool safe_link(const char *url)
{
  return strncmp(url, "http://", 7) == 0 ||
         strncmp(url, "https://", 8) == 0 ||
         strncmp(url, "mailto:", 7) == 0 || url[0] == '#';
}

/* Markdown that is not a page (a glossary definition, question text)
 * may hold neither raw HTML, images nor unsafe or glossary links. */
static void check_snippet_nodes(cmark_node *doc, const char *path,
                                int first_line, const char *what,
                                diag_list *diags)
{
  cmark_iter *iter = cmark_iter_new(doc);
  cmark_event_type ev;

  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node *node = cmark_iter_get_node(iter);
    cmark_node_type type = cmark_node_get_type(node);
    int line = first_line + cmark_node_get_start_line(node) - 1;
    if (ev != CMARK_EVENT_ENTER)
      continue;
    if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)
      diag_error(diags, path, line, 0, "raw HTML is not allowed in %s: "
                 "use Markdown", what);
    else if (type == CMARK_NODE_IMAGE)
      diag_error(diags, path, line, 0, "images are not supported in %s",
                 what);
    else if (type == CMARK_NODE_LINK &&
             !safe_link(cmark_node_get_url(node)))
      diag_error(diags, path, line, 0, "link '%s' in %s: links may go to "
                 "http(s) or mailto addresses only",
                 cmark_node_get_url(node), what);
  }
  cmark_iter_free(iter);
}

static void check_snippet(const char *markdown, const char *path,
                          int line, const char *what, diag_list *diags)
{
  cmark_parser *parser;
  cmark_node *doc;

  if (!markdown || !*markdown)
    return;
  parser = new_parser(CMARK_OPT_DEFAULT);
  doc = parse_markdown(parser, markdown, strlen(markdown));
  check_snippet_nodes(doc, path, line, what, diags);
  cmark_node_free(doc);
  cmark_parser_free(parser);
}

/* Every text of a question that the runtime renders as Markdown. */
static void check_question_texts(const gift_doc *doc, const char *path,
                                 diag_list *diags)
{
  for (size_t i = 0; doc && i < doc->count; i++) {
    const gift_question *q = &doc->questions[i];
    const char *what = "questions";
    check_snippet(q->text, path, q->line, what, diags);
    check_snippet(q->text_after, path, q->line, what, diags);
    check_snippet(q->general_feedback, path, q->line, what, diags);
    check_snippet(q->feedback_true, path, q->line, what, diags);
    check_snippet(q->feedback_false, path, q->line, what, diags);
    for (size_t k = 0; k < q->answer_count; k++) {
      check_snippet(q->answers[k].text, path, q->answers[k].line, what,
                    diags);
      check_snippet(q->answers[k].feedback, path, q->answers[k].line,
                    what, diags);
    }
  }
}

/* ---- the glossary --------------------------------------------------- */

static int compare_terms(const void *a, const void *b)
{
  return strcmp(((const glossary_term *)a)->id,
                ((const glossary_term *)b)->id);
}

/* By id, then by where it is defined, so the first definition of a
 * term is reported as the original. */
static int compare_definitions(const void *a, const void *b)
{
  const glossary_term *x = a, *y = b;
  int c = compare_terms(a, b);

  if (c == 0)
    c = strcmp(x->path, y->path);
  return c ? c : x->line - y->line;
}

static glossary_term *find_term(const content_t *c, const char *id)
{
  glossary_term key = {.id = (char *)id};

  if (!c->term_count)
    return NULL;
  return bsearch(&key, c->terms, c->term_count, sizeof key, compare_terms);
}

static void add_term(content_t *c, const char *path, cmark_node *heading,
                     cmark_node *doc_end, cmark_parser *parser,
                     diag_list *diags)
{
  strbuf title;
  cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT);
  cmark_node *next;
  glossary_term *t;

  sb_init(&title);
  collect_text(heading, &title);

  /* Move the definition's blocks into a document of their own. */
  for (cmark_node *n = cmark_node_next(heading); n && n != doc_end;
       n = next) {
    next = cmark_node_next(n);
    if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
        cmark_node_get_heading_level(n) <= 2)
      break;
    cmark_node_append_child(doc, n);
  }

  c->terms = xrealloc(c->terms, (c->term_count + 1) * sizeof *t);
  check_snippet_nodes(doc, path, 1, "glossary definitions", diags);
  t = &c->terms[c->term_count++];
  t->term = sb_take(&title);
  t->id = slugify(t->term);
  t->html = render_html(parser, doc, CMARK_OPT_DEFAULT);
  t->path = xstrdup(path);
  t->line = cmark_node_get_start_line(heading);
  t->links = 0;
  cmark_node_free(doc);
}

static void load_glossary_file(content_t *c, const char *path,
                               diag_list *diags)
{
  char *text;
  size_t len;
  cmark_parser *parser;
  cmark_node *doc, *next;

  if (read_source(c->root, path, &text, &len, diags) != 0)
    return;
  parser = new_parser(CMARK_OPT_DEFAULT);
  doc = parse_markdown(parser, text, len);

  for (cmark_node *n = cmark_node_first_child(doc); n; n = next) {
    bool heading = cmark_node_get_type(n) == CMARK_NODE_HEADING;
    next = cmark_node_next(n);
    if (heading && cmark_node_get_heading_level(n) == 2) {
      add_term(c, path, n, NULL, parser, diags);
      next = cmark_node_next(n);
    } else if (!heading) {
      diag_warn(diags, path, cmark_node_get_start_line(n), 0, "text "
                "before the first '## Term' heading is not part of the "
                "glossary");
    }
  }
  cmark_node_free(doc);
  cmark_parser_free(parser);
  free(text);
}

/* Sort the terms and report the ones defined twice or left empty. */
static void check_terms(content_t *c, diag_list *diags)
{
  size_t first = 0;

  sort_array(c->terms, c->term_count, sizeof *c->terms,
             compare_definitions);
  for (size_t i = 0; i < c->term_count; i++) {
    glossary_term *t = &c->terms[i];
    if (!*t->id) {
      diag_error(diags, t->path, t->line, 0, "glossary term '%s' has no "
                 "letters or digits", t->term);
      continue;
    }
    if (strcmp(t->html, "") == 0)
      diag_error(diags, t->path, t->line, 0,
                 "glossary term '%s' has no definition", t->term);
    if (i == 0 || strcmp(t->id, c->terms[i - 1].id) != 0)
      first = i;
    else
      diag_error(diags, t->path, t->line, 0,
                 "glossary term '%s' is already defined at %s:%d",
                 t->term, c->terms[first].path, c->terms[first].line);
  }
}

char *content_glossary_html(const content_t *c)
{
  strbuf sb;

  sb_init(&sb);
  sb_puts(&sb, "<dl class=\"scormc-glossary\">\n");
  for (size_t i = 0; i < c->term_count; i++) {
    sb_printf(&sb, "<dt id=\"glossary-%s\">", c->terms[i].id);
    sb_html(&sb, c->terms[i].term);
    sb_puts(&sb, "</dt>\n<dd>");
    sb_puts(&sb, c->terms[i].html);
    sb_puts(&sb, "</dd>\n");
  }
  sb_puts(&sb, "</dl>\n");
  return sb_take(&sb);
}

/* ---- pages ---------------------------------------------------------- */

/* What one pass over a page's tree found, to change afterwards:
 * cmark's iterator must not see the tree change under it. */
typedef struct {
  cmark_node **blocks;     /* 'check' and 'scenario' code blocks */
  size_t block_count;
  cmark_node **links;      /* glossary: links */
  size_t link_count;
} page_edits;

typedef struct {
  content_t *content;
  content_module *module;
  const char *dir;         /* the module folder on disk */
  const char *path;        /* the page's path */
  diag_list *diags;
  content_page *page;
  page_edits edits;
} page_ctx;

static void push_node(cmark_node ***list, size_t *count, cmark_node *n)
{
  if (*count >= MAX_NODES_EDITED)
    return;
  *list = xrealloc(*list, (*count + 1) * sizeof **list);
  (*list)[(*count)++] = n;
}

static void add_media(content_module *m, const char *name)
{
  for (size_t i = 0; i < m->media_count; i++)
    if (strcmp(m->media[i], name) == 0)
      return;
  m->media = xrealloc(m->media, (m->media_count + 1) * sizeof *m->media);
  m->media[m->media_count++] = xstrdup(name);
}

/* A media file: an existing regular file inside the course, named so
 * that its path needs no escaping in a URL, the manifest or the zip. */
static bool check_media(page_ctx *ctx, const char *url, int line)
{
  char *file = path_join(ctx->dir, url);
  struct stat st;
  bool ok = false;

  if (strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0)
    diag_error(ctx->diags, ctx->path, line, 0, "image '%s' is on the "
               "network: put the file beside the page", url);
  else if (!safe_relative_path(url))
    diag_error(ctx->diags, ctx->path, line, 0, "image '%s': name media "
               "files with letters, digits, '-', '_' and '.' only, in "
               "the module folder or a subfolder of it", url);
  else if (stat(file, &st) != 0 || !S_ISREG(st.st_mode))
    diag_error(ctx->diags, ctx->path, line, 0, "image '%s' not found",
               url);
  else if (!path_inside(ctx->content->root, file))
    diag_error(ctx->diags, ctx->path, line, 0, "image '%s' lies outside "
               "the course folder (a symbolic link?)", url);
  else if ((unsigned long long)st.st_size > CONTENT_MAX_MEDIA_BYTES)
    diag_error(ctx->diags, ctx->path, line, 0, "image '%s' is larger "
               "than %u MiB", url, CONTENT_MAX_MEDIA_BYTES >> 20);
  else
    ok = true;
  free(file);
  return ok;
}

static void visit_image(page_ctx *ctx, cmark_node *node)
{
  const char *url = cmark_node_get_url(node);
  int line = cmark_node_get_start_line(node);
  char *target;
  strbuf alt;

  /* "./map.svg" is "map.svg": one file, one zip entry. */
  while (strncmp(url, "./", 2) == 0)
    url += 2;
  if (!check_media(ctx, url, line))
    return;

  sb_init(&alt);
  collect_text(node, &alt);
  if (alt.len == 0)
    diag_warn(ctx->diags, ctx->path, line, 0, "image '%s' has no alt "
              "text: write ![what it shows](%s)", url, url);
  sb_free(&alt);

  add_media(ctx->module, url);
  target = *ctx->module->folder
             ? xasprintf("media/%s/%s", ctx->module->folder, url)
             : xasprintf("media/%s", url);
  cmark_node_set_url(node, target);
  free(target);
}

static void visit_link(page_ctx *ctx, cmark_node *node)
{
  const char *url = cmark_node_get_url(node);

  if (strncmp(url, "glossary:", 9) == 0)
    push_node(&ctx->edits.links, &ctx->edits.link_count, node);
  else if (!safe_link(url))
    diag_error(ctx->diags, ctx->path, cmark_node_get_start_line(node), 0,
               "link '%s': links go to glossary terms (glossary:), web "
               "or mail addresses (http, https, mailto) only", url);
}

static void visit_code_block(page_ctx *ctx, cmark_node *node)
{
  const char *info = cmark_node_get_fence_info(node);

  if (info && (strcmp(info, "check") == 0 ||
               strcmp(info, "scenario") == 0))
    push_node(&ctx->edits.blocks, &ctx->edits.block_count, node);
}

/* One walk: check raw HTML, images and the page title, count words and
 * footnotes, and note the nodes to rewrite. */
static void walk_page(page_ctx *ctx, cmark_node *doc)
{
  cmark_iter *iter = cmark_iter_new(doc);
  cmark_event_type ev;
  int in_footnote = 0;

  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node *node = cmark_iter_get_node(iter);
    cmark_node_type type = cmark_node_get_type(node);
    int line = cmark_node_get_start_line(node);

    if (type == CMARK_NODE_FOOTNOTE_DEFINITION) {
      in_footnote += ev == CMARK_EVENT_ENTER ? 1 : -1;
      if (ev == CMARK_EVENT_ENTER)
        ctx->page->footnotes++;
      continue;
    }
    if (ev != CMARK_EVENT_ENTER)
      continue;

    if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)
      diag_error(ctx->diags, ctx->path, line, 0, "raw HTML is not "
                 "allowed: use Markdown, and write '&lt;' for a literal "
                 "'<'");
    else if (type == CMARK_NODE_IMAGE)
      visit_image(ctx, node);
    else if (type == CMARK_NODE_LINK)
      visit_link(ctx, node);
    else if (type == CMARK_NODE_CODE_BLOCK)
      visit_code_block(ctx, node);
    else if ((type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) &&
             !in_footnote)
      ctx->page->words += count_words(cmark_node_get_literal(node));
    else if (type == CMARK_NODE_HEADING && !ctx->page->title &&
             cmark_node_get_heading_level(node) == 1) {
      strbuf title;
      sb_init(&title);
      collect_text(node, &title);
      ctx->page->title = sb_take(&title);
    }
  }
  cmark_iter_free(iter);
}

static cmark_node *html_node(cmark_node_type type, const char *html)
{
  cmark_node *n = cmark_node_new(type);

  cmark_node_set_literal(n, html);
  return n;
}

/* [text](glossary:id) becomes a term link the runtime can open;
 * [text](glossary:) takes the id from the text. */
static void rewrite_glossary_link(page_ctx *ctx, cmark_node *link)
{
  const char *given = cmark_node_get_url(link) + 9;
  int line = cmark_node_get_start_line(link);
  glossary_term *term;
  char *id, *open;
  strbuf text;
  cmark_node *child, *next;

  sb_init(&text);
  collect_text(link, &text);
  id = slugify(*given ? given : text.data ? text.data : "");
  term = find_term(ctx->content, id);
  if (!term && !*id)
    diag_error(ctx->diags, ctx->path, line, 0, "a glossary link needs "
               "the term as its text, or its id: [text](glossary:id)");
  else if (!term && *given)
    diag_error(ctx->diags, ctx->path, line, 0, "glossary term '%s' is "
               "not defined: no '## ' heading in a glossary.md has the "
               "id '%s'", given, id);
  else if (!term)
    diag_error(ctx->diags, ctx->path, line, 0, "glossary term '%s' is "
               "not defined: add '## %s' to a glossary.md", text.data,
               text.data);
  if (!term) {
    free(id);
    sb_free(&text);
    return;
  }
  term->links++;
  ctx->page->glossary_links++;

  open = xasprintf("<a class=\"scormc-term\" href=\"#glossary-%s\" "
                   "data-term=\"%s\">", id, id);
  cmark_node_insert_before(link, html_node(CMARK_NODE_HTML_INLINE, open));
  for (child = cmark_node_first_child(link); child; child = next) {
    next = cmark_node_next(child);
    cmark_node_insert_before(link, child);
  }
  cmark_node_insert_before(link, html_node(CMARK_NODE_HTML_INLINE, "</a>"));
  cmark_node_free(link);
  free(open);
  free(id);
  sb_free(&text);
}

static bool scorable(const gift_question *q)
{
  return q->type != GIFT_DESCRIPTION && q->type != GIFT_ESSAY;
}

/* A ```check or ```scenario block: one GIFT question, replaced in the
 * page by a placeholder the runtime fills. */
static void rewrite_block(page_ctx *ctx, cmark_node *node)
{
  bool scenario = strcmp(cmark_node_get_fence_info(node), "scenario") == 0;
  const char *gift = cmark_node_get_literal(node);
  int line = cmark_node_get_start_line(node);
  content_module *m = ctx->module;
  content_block **list = scenario ? &m->scenarios : &m->checks;
  size_t *count = scenario ? &m->scenario_count : &m->check_count;
  gift_doc *doc = NULL;
  char *html;

  if (gift_parse_flags(&doc, gift, strlen(gift), ctx->path, line + 1,
                       GIFT_ONE_QUESTION, ctx->diags) != 0)
    return;
  if (doc->count != 1 || !scorable(&doc->questions[0])) {
    diag_error(ctx->diags, ctx->path, line, 0, "a '%s' block holds "
               "exactly one question that can be answered",
               scenario ? "scenario" : "check");
    gift_doc_free(doc);
    return;
  }
  check_question_texts(doc, ctx->path, ctx->diags);
  if (scenario && !doc->questions[0].title)
    diag_warn(ctx->diags, ctx->path, line, 0, "the scenario has no "
              "'::title::': the learner sees it untitled");
  if (scenario && doc->questions[0].type != GIFT_SINGLE) {
    diag_error(ctx->diags, ctx->path, line, 0, "a scenario is a single "
               "choice question: mark the better decision with '='");
    gift_doc_free(doc);
    return;
  }

  *list = xrealloc(*list, (*count + 1) * sizeof **list);
  (*list)[*count] = (content_block){doc, xstrdup(ctx->path), line};
  html = xasprintf("<div class=\"scormc-%s\" data-%s=\"%zu\"></div>\n",
                   scenario ? "scenario" : "check",
                   scenario ? "scenario" : "check", *count);
  (*count)++;
  cmark_node_insert_before(node, html_node(CMARK_NODE_HTML_BLOCK, html));
  cmark_node_free(node);
  free(html);
}

static void apply_edits(page_ctx *ctx)
{
  for (size_t i = 0; i < ctx->edits.block_count; i++)
    rewrite_block(ctx, ctx->edits.blocks[i]);
  for (size_t i = 0; i < ctx->edits.link_count; i++)
    rewrite_glossary_link(ctx, ctx->edits.links[i]);
  free(ctx->edits.blocks);
  free(ctx->edits.links);
  memset(&ctx->edits, 0, sizeof ctx->edits);
}

/* cmark-gfm's table extension slows down with the square of a row's
 * cells (seconds at a few thousand). No real table comes near this
 * cap; refuse the line before the parser sees it. */
#define MAX_TABLE_CELLS 256

static int check_table_width(const char *text, const char *path,
                             diag_list *diags)
{
  int line = 1, pipes = 0;

  for (const char *p = text; *p; p++) {
    if (*p == '|' && (p == text || p[-1] != '\\'))
      pipes++;
    if (*p == '\n' || p[1] == '\0') {
      if (pipes > MAX_TABLE_CELLS) {
        diag_error(diags, path, line, 0, "a table row with more than "
                   "%d cells: split the table", MAX_TABLE_CELLS);
        return -1;
      }
      pipes = 0;
      line++;
    }
  }
  return 0;
}

static void load_page(content_t *c, content_module *m, const char *dir,
                      const char *path, diag_list *diags)
{
  content_page *page;
  page_ctx ctx = {c, m, dir, path, diags, NULL, {0}};
  char *text;
  size_t len;
  cmark_parser *parser;
  cmark_node *doc;

  if (read_source(c->root, path, &text, &len, diags) != 0)
    return;
  if (check_table_width(text, path, diags) != 0) {
    free(text);
    return;
  }
  m->pages = xrealloc(m->pages, (m->page_count + 1) * sizeof *page);
  page = &m->pages[m->page_count++];
  memset(page, 0, sizeof *page);
  page->path = xstrdup(path);
  ctx.page = page;

  parser = new_parser(CMARK_OPT_FOOTNOTES);
  doc = parse_markdown(parser, text, len);
  walk_page(&ctx, doc);
  apply_edits(&ctx);

  if (!page->title) {
    diag_error(diags, path, 1, 0, "the page has no title: start it with "
               "'# Title'");
    page->title = xstrdup("");
  }
  /* Safe to render unescaped: the walk rejected every author's raw
   * HTML, so what remains is the placeholders and links made above. */
  page->html = render_html(parser, doc, CMARK_OPT_UNSAFE);

  cmark_node_free(doc);
  cmark_parser_free(parser);
  free(text);
}

/* ---- modules -------------------------------------------------------- */

static int compare_names(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with_nocase(const char *name, const char *suffix)
{
  size_t n = strlen(name), k = strlen(suffix);

  return n > k && strcasecmp(name + n - k, suffix) == 0;
}

/* The page file names of a folder, sorted: '<digit>...md'. */
static char **list_pages(const char *dir, size_t *count,
                         diag_list *diags)
{
  DIR *d = opendir(dir);
  struct dirent *e;
  char **names = NULL;

  *count = 0;
  if (!d) {
    diag_error(diags, dir, 0, 0, "cannot open the module folder");
    return NULL;
  }
  while ((e = readdir(d)) != NULL) {
    size_t n = strlen(e->d_name);
    bool md = n > 3 && strcmp(e->d_name + n - 3, ".md") == 0;
    if (!md && (ends_with_nocase(e->d_name, ".md") ||
                ends_with_nocase(e->d_name, ".markdown"))) {
      char *path = path_join(dir, e->d_name);
      diag_warn(diags, path, 0, 0, "not a page: pages end in '.md', in "
                "lower case");
      free(path);
    }
    if (!md || strcmp(e->d_name, "glossary.md") == 0)
      continue;
    if (e->d_name[0] < '0' || e->d_name[0] > '9') {
      char *path = path_join(dir, e->d_name);
      diag_warn(diags, path, 0, 0, "not a page: page names start with a "
                "digit, such as '01-introduction.md'");
      free(path);
      continue;
    }
    if (*count >= MAX_PAGES)
      break;
    names = xrealloc(names, (*count + 1) * sizeof *names);
    names[(*count)++] = xstrdup(e->d_name);
  }
  closedir(d);
  sort_array(names, *count, sizeof *names, compare_names);
  return names;
}

static void load_assessment(content_module *m, const char *root,
                            const char *dir, diag_list *diags)
{
  char *path = path_join(dir, "assessment.gift");
  char *text;
  size_t len;

  if (!file_exists(path)) {
    free(path);
    return;
  }
  m->assessment_path = path;
  if (read_source(root, path, &text, &len, diags) != 0)
    return;
  if (gift_parse(&m->assessment, text, len, path, 1, diags) == 0 &&
      m->assessment->count == 0)
    diag_error(diags, path, 0, 0, "the assessment has no questions");
  check_question_texts(m->assessment, path, diags);
  free(text);
}

/* Author checks on every question of the module, and titles used
 * twice across its assessment, checks and scenarios. */
static void lint_module(const content_module *m, bool require_feedback,
                        diag_list *diags)
{
  size_t count = m->check_count + m->scenario_count + 1;
  const gift_doc **docs = xcalloc(count, sizeof *docs);
  const char **files = xcalloc(count, sizeof *files);
  size_t n = 0;

  for (size_t i = 0; i < m->check_count; i++) {
    docs[n] = m->checks[i].doc;
    files[n++] = m->checks[i].path;
  }
  for (size_t i = 0; i < m->scenario_count; i++) {
    docs[n] = m->scenarios[i].doc;
    files[n++] = m->scenarios[i].path;
  }
  if (m->assessment) {
    docs[n] = m->assessment;
    files[n++] = m->assessment_path;
  }
  for (size_t i = 0; i < n; i++)
    quizlint_doc(docs[i], files[i], require_feedback, diags);
  quizlint_titles(docs, files, n, diags);
  free(docs);
  free(files);
}

/* Every title in module { points = ... } must name a question of the
 * assessment: a typo would silently leave the question at one point. */
static void check_points(const content_module *m, const course_t *course,
                         const course_module *cm, diag_list *diags)
{
  size_t questions = 0;

  for (size_t i = 0; m->assessment && i < m->assessment->count; i++)
    questions += m->assessment->questions[i].type != GIFT_DESCRIPTION;
  if (cm->settings.draw > 0 && (size_t)cm->settings.draw > questions)
    diag_error(diags, course->lua_path, cm->line, 0, "module '%s' draws "
               "%d questions from an assessment of %zu", cm->folder,
               cm->settings.draw, questions);
  for (size_t k = 0; k < cm->points_count; k++) {
    bool found = false;
    for (size_t i = 0; m->assessment && i < m->assessment->count; i++) {
      const char *title = m->assessment->questions[i].title;
      found = found || (title && strcmp(title, cm->points[k].question) == 0);
    }
    if (!found)
      diag_error(diags, course->lua_path, cm->line, 0, "points: module "
                 "'%s' has no assessment question '%s'", cm->folder,
                 cm->points[k].question);
  }
}

static void load_module(content_t *c, content_module *m,
                        const course_t *course, const course_module *cm,
                        diag_list *diags)
{
  char *dir = path_join(course->dir, cm->folder);
  size_t count;
  char **names = list_pages(dir, &count, diags);

  m->folder = xstrdup(cm->folder);
  if (names && count == 0)
    diag_error(diags, course->lua_path, cm->line, 0, "module '%s' has no "
               "pages: add '01-….md' files to its folder", cm->folder);
  for (size_t i = 0; i < count; i++) {
    char *path = path_join(dir, names[i]);
    load_page(c, m, dir, path, diags);
    free(path);
    free(names[i]);
  }
  free(names);

  load_assessment(m, c->root, dir, diags);
  lint_module(m, course->require_feedback, diags);
  check_points(m, course, cm, diags);
  sort_array(m->media, m->media_count, sizeof *m->media, compare_names);
  if (cm->title)
    m->title = xstrdup(cm->title);
  else
    m->title = xstrdup(m->page_count ? m->pages[0].title : cm->folder);
  if (!cm->title && strlen(m->title) > CONTENT_MAX_TITLE)
    diag_error(diags, m->pages[0].path, 1, 0, "the page title names the "
               "module and is longer than %d bytes, the manifest's limit: "
               "shorten it or give the module a title in course.lua",
               CONTENT_MAX_TITLE);
  free(dir);
}

/* Load the intro or closing page; returns its index in course_pages,
 * or -1. */
static long load_course_page(content_t *c, const course_t *course,
                             const char *name, diag_list *diags)
{
  char *path = path_join(course->dir, name);
  size_t before = c->course_pages.page_count;

  if (!file_exists(path)) {
    diag_error(diags, course->lua_path, 0, 0, "page '%s' not found in "
               "'%s'", name, course->dir);
    free(path);
    return -1;
  }
  load_page(c, &c->course_pages, course->dir, path, diags);
  free(path);
  return c->course_pages.page_count > before ? (long)before : -1;
}

static void load_glossaries(content_t *c, const course_t *course,
                            diag_list *diags)
{
  /* The root glossary.md counts like the modules' ones, named in
   * course.lua or not. */
  char *root_glossary = path_join(course->dir, course->glossary
                                                ? course->glossary
                                                : "glossary.md");
  if (course->glossary || file_exists(root_glossary))
    load_glossary_file(c, root_glossary, diags);
  free(root_glossary);
  for (size_t i = 0; i < course->module_count; i++) {
    char *dir = path_join(course->dir, course->modules[i].folder);
    char *path = path_join(dir, "glossary.md");
    if (file_exists(path))
      load_glossary_file(c, path, diags);
    free(path);
    free(dir);
  }
  check_terms(c, diags);
}

static void warn_unlinked_terms(const content_t *c, diag_list *diags)
{
  for (size_t i = 0; i < c->term_count; i++)
    if (c->terms[i].links == 0)
      diag_warn(diags, c->terms[i].path, c->terms[i].line, 0,
                "glossary term '%s' is not linked from any page",
                c->terms[i].term);
}

int content_load(content_t **out, const course_t *course,
                 diag_list *diags)
{
  content_t *c = xcalloc(1, sizeof *c);
  size_t errors = diags->errors;
  long intro, closing;

  *out = NULL;
  c->root = xstrdup(course->dir);
  load_glossaries(c, course, diags);

  c->course_pages.folder = xstrdup("");
  c->course_pages.title = xstrdup(course->title);
  intro = course->intro
            ? load_course_page(c, course, course->intro, diags) : -1;
  closing = course->closing
              ? load_course_page(c, course, course->closing, diags) : -1;
  c->intro = intro >= 0 ? &c->course_pages.pages[intro] : NULL;
  c->closing = closing >= 0 ? &c->course_pages.pages[closing] : NULL;

  c->modules = xcalloc(course->module_count, sizeof *c->modules);
  c->module_count = course->module_count;
  for (size_t i = 0; i < course->module_count; i++)
    load_module(c, &c->modules[i], course, &course->modules[i], diags);

  warn_unlinked_terms(c, diags);
  if (diags->errors > errors) {
    content_free(c);
    return -1;
  }
  *out = c;
  return 0;
}

static void free_blocks(content_block *blocks, size_t count)
{
  for (size_t i = 0; i < count; i++) {
    gift_doc_free(blocks[i].doc);
    free(blocks[i].path);
  }
  free(blocks);
}

static void free_module(content_module *m)
{
  for (size_t i = 0; i < m->page_count; i++) {
    free(m->pages[i].path);
    free(m->pages[i].title);
    free(m->pages[i].html);
  }
  free(m->pages);
  free_blocks(m->checks, m->check_count);
  free_blocks(m->scenarios, m->scenario_count);
  gift_doc_free(m->assessment);
  free(m->assessment_path);
  for (size_t i = 0; i < m->media_count; i++)
    free(m->media[i]);
  free(m->media);
  free(m->folder);
  free(m->title);
}

void content_free(content_t *c)
{
  if (!c)
    return;
  for (size_t i = 0; i < c->module_count; i++)
    free_module(&c->modules[i]);
  free(c->modules);
  free_module(&c->course_pages);
  for (size_t i = 0; i < c->term_count; i++) {
    free(c->terms[i].id);
    free(c->terms[i].term);
    free(c->terms[i].html);
    free(c->terms[i].path);
  }
  free(c->terms);
  free(c->root);
  free(c);
}
