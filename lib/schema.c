/*
 * schema.c - validate manifests against the embedded official schemas
 * SPDX-License-Identifier: MIT
 */
#include "schema.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "assets.h"
#include "util.h"

/* Embedded files are addressed by this made-up absolute path, so that
 * relative schemaLocation values resolve beside their importer. */
#define EMBEDDED_ROOT "/scormc-embedded/"

static const char *const FOLDERS[] = {
  "scorm12edition", "scorm20043rdedition", "scorm20044thedition"};
static const char *const DRIVERS[] = {
  "driver/scorm12.xsd", "driver/scorm2004.xsd", "driver/scorm2004.xsd"};

const char *schema_folder(course_edition edition)
{
  return FOLDERS[edition];
}

static xmlParserInputPtr embedded_loader(const char *url, const char *id,
                                         xmlParserCtxtPtr ctxt)
{
  const scormc_asset *asset = NULL;
  xmlParserInputBufferPtr buf;
  xmlParserInputPtr input;

  (void)id;
  if (url && strncmp(url, EMBEDDED_ROOT, strlen(EMBEDDED_ROOT)) == 0)
    asset = assets_find(schema_assets, url + strlen(EMBEDDED_ROOT));
  /* Never the network, never the disk: an unknown reference fails,
   * and the caller reports it. */
  if (!asset || !ctxt)
    return NULL;

  buf = xmlParserInputBufferCreateMem((const char *)asset->data,
                                         (int)asset->size,
                                         XML_CHAR_ENCODING_NONE);
  if (!buf)
    return NULL;
  input = xmlNewIOInputStream(ctxt, buf, XML_CHAR_ENCODING_NONE);
  if (!input) {
    xmlFreeParserInputBuffer(buf);
    return NULL;
  }
  /* The file name is the base that its own imports resolve against. */
  input->filename = (const char *)xmlStrdup((const xmlChar *)url);
  return input;
}

void schema_install_loader(void)
{
  xmlSetExternalEntityLoader(embedded_loader);
}

typedef struct {
  const char *file;
  diag_list *diags;
} error_sink;

static void on_schema_error(void *data, xmlErrorPtr err)
{
  error_sink *sink = data;
  char message[512];
  size_t n;

  snprintf(message, sizeof message, "%s", err->message ? err->message : "");
  n = strlen(message);
  while (n > 0 && (message[n - 1] == '\n' || message[n - 1] == ' '))
    message[--n] = '\0';
  diag_error(sink->diags, sink->file, err->line, 0,
             "schema: %s", message);
}

/* libxml2 reports a harmless namespace error in the official
 * ims_xml.xsd; keep the first real message for when loading fails. */
static void on_load_error(void *data, xmlErrorPtr err)
{
  char *first = data;

  if (!*first && err->message)
    snprintf(first, 256, "%s", err->message);
}

static xmlSchemaPtr load_driver(course_edition edition, diag_list *diags)
{
  const scormc_asset *driver = assets_find(schema_assets, DRIVERS[edition]);
  char base[256], first_error[256] = "";
  xmlDocPtr doc;
  xmlSchemaParserCtxtPtr pctxt;
  xmlSchemaPtr schema = NULL;

  if (!driver) {
    diag_error(diags, NULL, 0, 0, "the %s schemas are not built in",
               course_edition_name(edition));
    return NULL;
  }
  /* Parse the driver as if it sat beside the official files. */
  snprintf(base, sizeof base, EMBEDDED_ROOT "%s/driver.xsd",
           FOLDERS[edition]);
  xmlSetStructuredErrorFunc(first_error, on_load_error);
  doc = xmlReadMemory((const char *)driver->data, (int)driver->size, base,
                      NULL, XML_PARSE_NONET);
  if (doc) {
    pctxt = xmlSchemaNewDocParserCtxt(doc);
    xmlSchemaSetParserStructuredErrors(pctxt, on_load_error, first_error);
    schema = xmlSchemaParse(pctxt);
    xmlSchemaFreeParserCtxt(pctxt);
    xmlFreeDoc(doc);
  }
  xmlSetStructuredErrorFunc(NULL, NULL);
  if (!schema)
    diag_error(diags, NULL, 0, 0, "the built-in %s schemas do not load: "
               "%s", course_edition_name(edition), first_error);
  return schema;
}

int schema_validate(xmlDocPtr doc, course_edition edition,
                    const char *file, diag_list *diags)
{
  error_sink sink = {file, diags};
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr vctxt;
  int rc;

  schema_install_loader();
  schema = load_driver(edition, diags);
  if (!schema)
    return -1;
  vctxt = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidStructuredErrors(vctxt, on_schema_error, &sink);
  rc = xmlSchemaValidateDoc(vctxt, doc);
  xmlSchemaFreeValidCtxt(vctxt);
  xmlSchemaFree(schema);
  return rc == 0 ? 0 : -1;
}
