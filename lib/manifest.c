/*
 * manifest.c - build imsmanifest.xml for one package
 * SPDX-License-Identifier: MIT
 */
#include "manifest.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define NS_XSI "http://www.w3.org/2001/XMLSchema-instance"

/* The namespaces of each edition, prefix first; the first has no
 * prefix. Moodle matches prefixes literally, so these exact ones. */
typedef struct {
  const char *prefix, *uri, *xsd;
} ns_def;

static const ns_def NS_12[] = {
  {NULL, "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
   "imscp_rootv1p1p2.xsd"},
  {"adlcp", "http://www.adlnet.org/xsd/adlcp_rootv1p2",
   "adlcp_rootv1p2.xsd"},
  {"imsmd", "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1",
   "imsmd_rootv1p2p1.xsd"},
  {0}};

static const ns_def NS_2004[] = {
  {NULL, "http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"},
  {"adlcp", "http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"},
  {"adlseq", "http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"},
  {"adlnav", "http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"},
  {"imsss", "http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"},
  {0}};

static const char *const SCHEMA_VERSIONS[] = {
  "1.2", "2004 3rd Edition", "2004 4th Edition"};

typedef struct {
  const manifest_spec *spec;
  bool is12;
  xmlNsPtr cp, adlcp, imsmd, imsss;
} builder;

/* ---- identifiers ---------------------------------------------------- */

static uint32_t fnv1a(const char *a, const char *b)
{
  uint32_t h = 2166136261u;

  for (const char *p = a; *p; p++)
    h = (h ^ (unsigned char)*p) * 16777619u;
  h = (h ^ '/') * 16777619u;
  for (const char *p = b; *p; p++)
    h = (h ^ (unsigned char)*p) * 16777619u;
  return h;
}

static char *hashed_id(char prefix, const char *course_id,
                       const char *folder)
{
  static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  uint32_t h = fnv1a(course_id, folder);
  char buf[16];
  int n = 0;

  buf[n++] = prefix;
  do {
    buf[n++] = digits[h % 36];
    h /= 36;
  } while (h);
  buf[n] = '\0';
  return xstrdup(buf);
}

char *manifest_item_id(const char *course_id, const char *folder)
{
  return hashed_id('M', course_id, folder);
}

static char *resource_id(const char *course_id, const char *folder)
{
  return hashed_id('R', course_id, folder);
}

char *manifest_module_launch(const course_t *course, size_t index)
{
  return xasprintf("%s.html", course->modules[index].folder);
}

/* ---- small tree helpers --------------------------------------------- */

static xmlNodePtr child(xmlNodePtr parent, xmlNsPtr ns, const char *name,
                        const char *text)
{
  return xmlNewTextChild(parent, ns, (const xmlChar *)name,
                         (const xmlChar *)text);
}

static void attr(xmlNodePtr node, const char *name, const char *value)
{
  xmlNewProp(node, (const xmlChar *)name, (const xmlChar *)value);
}

static void ns_attr(xmlNodePtr node, xmlNsPtr ns, const char *name,
                    const char *value)
{
  xmlNewNsProp(node, ns, (const xmlChar *)name, (const xmlChar *)value);
}

static xmlNsPtr find_ns(xmlNodePtr root, const char *prefix)
{
  return xmlSearchNs(root->doc, root, (const xmlChar *)prefix);
}

/* ---- the manifest element ------------------------------------------- */

static xmlNodePtr make_root(builder *b, xmlDocPtr doc, const char *id)
{
  const ns_def *defs = b->is12 ? NS_12 : NS_2004;
  xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"manifest");
  strbuf locations;

  xmlDocSetRootElement(doc, root);
  for (const ns_def *d = defs; d->uri; d++)
    xmlNewNs(root, (const xmlChar *)d->uri, (const xmlChar *)d->prefix);
  xmlSetNs(root, xmlSearchNsByHref(doc, root, (const xmlChar *)defs->uri));
  b->cp = root->ns;
  b->adlcp = find_ns(root, "adlcp");
  b->imsmd = b->is12 ? find_ns(root, "imsmd") : NULL;
  b->imsss = b->is12 ? NULL : find_ns(root, "imsss");

  /* One line, pairs separated by single spaces: some LMSs choke on
   * line breaks here. Only files the package really contains. */
  sb_init(&locations);
  for (const ns_def *d = defs; d->uri; d++)
    sb_printf(&locations, "%s%s %s", locations.len ? " " : "", d->uri,
              d->xsd);
  ns_attr(root, xmlNewNs(root, (const xmlChar *)NS_XSI,
                         (const xmlChar *)"xsi"),
          "schemaLocation", locations.data);
  sb_free(&locations);

  attr(root, "identifier", id);
  attr(root, "version", b->spec->course->version);
  return root;
}

static void add_langstring(builder *b, xmlNodePtr parent, const char *name,
                           const char *text)
{
  xmlNodePtr wrap = child(parent, b->imsmd, name, NULL);
  xmlNodePtr ls = child(wrap, b->imsmd, "langstring", text);
  xmlNsPtr xml = xmlSearchNs(parent->doc, parent, (const xmlChar *)"xml");

  xmlNewNsProp(ls, xml, (const xmlChar *)"lang",
               (const xmlChar *)b->spec->course->language);
}

/* SCORM 1.2 carries IMS metadata, which the shipped imsmd schema
 * validates. The 2004 sets ship no LOM schema, so 2004 manifests hold
 * only the schema markers. */
static void add_lom(builder *b, xmlNodePtr metadata, const char *title,
                    const char *description, int minutes)
{
  xmlNodePtr lom = child(metadata, b->imsmd, "lom", NULL);
  xmlNodePtr general = child(lom, b->imsmd, "general", NULL);
  xmlNodePtr educational, time;
  char duration[32];

  add_langstring(b, general, "title", title);
  child(general, b->imsmd, "language", b->spec->course->language);
  if (description && *description)
    add_langstring(b, general, "description", description);
  if (minutes <= 0)
    return;
  educational = child(lom, b->imsmd, "educational", NULL);
  time = child(educational, b->imsmd, "typicallearningtime", NULL);
  if (minutes < 60)
    snprintf(duration, sizeof duration, "PT%dM", minutes);
  else if (minutes % 60 == 0)
    snprintf(duration, sizeof duration, "PT%dH", minutes / 60);
  else
    snprintf(duration, sizeof duration, "PT%dH%dM", minutes / 60,
             minutes % 60);
  child(time, b->imsmd, "datetime", duration);
}

static void add_metadata(builder *b, xmlNodePtr root, int minutes)
{
  const course_t *c = b->spec->course;
  xmlNodePtr md = child(root, b->cp, "metadata", NULL);

  child(md, b->cp, "schema", "ADL SCORM");
  child(md, b->cp, "schemaversion", SCHEMA_VERSIONS[b->spec->edition]);
  if (b->is12)
    add_lom(b, md, c->title, c->description, minutes);
}

/* ---- items ---------------------------------------------------------- */

static char *percent_decimal(int percent)
{
  /* minNormalizedMeasure is -1..1: 80 % is 0.8. */
  if (percent >= 100)
    return xstrdup("1");
  return xasprintf("0.%02d", percent);
}

static char *global_objective(const course_t *c, const char *folder)
{
  return xasprintf("urn:scormc:%s:%s", c->id, folder);
}

/* Content delivered by our runtime sets status and measure itself; the
 * LMS must not guess them. */
static void add_delivery_controls(builder *b, xmlNodePtr seq)
{
  xmlNodePtr dc = child(seq, b->imsss, "deliveryControls", NULL);

  attr(dc, "completionSetByContent", "true");
  attr(dc, "objectiveSetByContent", "true");
}

/* A module item graded on its own (per-module and split layouts). */
static void add_mastery(builder *b, xmlNodePtr item, size_t m)
{
  const course_t *c = b->spec->course;
  int pass = c->modules[m].settings.pass_mark;
  xmlNodePtr seq, objectives, primary, map;
  char *measure, *target;

  if (b->is12) {
    char text[8];
    snprintf(text, sizeof text, "%d", pass);
    child(item, b->adlcp, "masteryscore", text);
    return;
  }
  seq = child(item, b->imsss, "sequencing", NULL);
  objectives = child(seq, b->imsss, "objectives", NULL);
  primary = child(objectives, b->imsss, "primaryObjective", NULL);
  attr(primary, "objectiveID", "PRIMARY");
  attr(primary, "satisfiedByMeasure", "true");
  measure = percent_decimal(pass);
  child(primary, b->imsss, "minNormalizedMeasure", measure);
  if (b->spec->layout == LAYOUT_PER_MODULE) {
    target = global_objective(c, c->modules[m].folder);
    map = child(primary, b->imsss, "mapInfo", NULL);
    attr(map, "targetObjectiveID", target);
    attr(map, "readSatisfiedStatus", "false");
    attr(map, "writeSatisfiedStatus", "true");
    free(target);
  }
  add_delivery_controls(b, seq);
  free(measure);
}

static xmlNodePtr add_item(builder *b, xmlNodePtr parent, const char *id,
                           const char *ref, const char *title)
{
  xmlNodePtr item = child(parent, b->cp, "item", NULL);

  attr(item, "identifier", id);
  if (ref)
    attr(item, "identifierref", ref);
  attr(item, "isvisible", "true");
  child(item, b->cp, "title", title);
  return item;
}

static void add_module_item(builder *b, xmlNodePtr parent, size_t m)
{
  const course_t *c = b->spec->course;
  char *id = manifest_item_id(c->id, c->modules[m].folder);
  char *ref = resource_id(c->id, c->modules[m].folder);
  xmlNodePtr item = add_item(b, parent, id, ref,
                             b->spec->content->modules[m].title);

  if (b->is12) {
    xmlNodePtr md = child(item, b->cp, "metadata", NULL);
    add_lom(b, md, b->spec->content->modules[m].title, NULL,
            c->modules[m].settings.minutes);
  }
  add_mastery(b, item, m);
  free(id);
  free(ref);
}

/* 1.2: prerequisites Moodle enforces; every module item passed or
 * completed. */
static void gate_certificate_12(builder *b, xmlNodePtr item)
{
  const course_t *c = b->spec->course;
  strbuf expr;
  xmlNodePtr pre;

  sb_init(&expr);
  for (size_t m = 0; m < c->module_count; m++) {
    char *id = manifest_item_id(c->id, c->modules[m].folder);
    sb_printf(&expr, "%s%s", m ? "&" : "", id);
    free(id);
  }
  pre = child(item, b->adlcp, "prerequisites", expr.data);
  attr(pre, "type", "aicc_script");
  sb_free(&expr);
}

/* 2004: a pre-condition disables the certificate until every module's
 * global objective is satisfied. Moodle does not run sequencing. */
static void gate_certificate_2004(builder *b, xmlNodePtr item)
{
  const course_t *c = b->spec->course;
  xmlNodePtr seq = child(item, b->imsss, "sequencing", NULL);
  xmlNodePtr rules = child(seq, b->imsss, "sequencingRules", NULL);
  xmlNodePtr pre = child(rules, b->imsss, "preConditionRule", NULL);
  xmlNodePtr conds = child(pre, b->imsss, "ruleConditions", NULL);
  xmlNodePtr objectives, primary;

  attr(conds, "conditionCombination", "any");
  for (size_t m = 0; m < c->module_count; m++) {
    char *ref = manifest_item_id(c->id, c->modules[m].folder);
    xmlNodePtr unknown = child(conds, b->imsss, "ruleCondition", NULL);
    xmlNodePtr unmet = child(conds, b->imsss, "ruleCondition", NULL);
    attr(unknown, "referencedObjective", ref);
    attr(unknown, "operator", "not");
    attr(unknown, "condition", "objectiveStatusKnown");
    attr(unmet, "referencedObjective", ref);
    attr(unmet, "operator", "not");
    attr(unmet, "condition", "satisfied");
    free(ref);
  }
  attr(child(pre, b->imsss, "ruleAction", NULL), "action", "disabled");

  objectives = child(seq, b->imsss, "objectives", NULL);
  primary = child(objectives, b->imsss, "primaryObjective", NULL);
  attr(primary, "objectiveID", "CERTIFICATE");
  for (size_t m = 0; m < c->module_count; m++) {
    char *id = manifest_item_id(c->id, c->modules[m].folder);
    char *target = global_objective(c, c->modules[m].folder);
    xmlNodePtr obj = child(objectives, b->imsss, "objective", NULL);
    xmlNodePtr map;
    attr(obj, "objectiveID", id);
    map = child(obj, b->imsss, "mapInfo", NULL);
    attr(map, "targetObjectiveID", target);
    attr(map, "readSatisfiedStatus", "true");
    attr(map, "writeSatisfiedStatus", "false");
    free(target);
    free(id);
  }
  add_delivery_controls(b, seq);
}

static void add_per_module_items(builder *b, xmlNodePtr org)
{
  const course_t *c = b->spec->course;
  char *cert_id = xasprintf("CERT-%s", c->id);
  char *cert_ref = xasprintf("RCERT-%s", c->id);
  xmlNodePtr cert;

  for (size_t k = 0; k < c->component_count; k++) {
    char *id = xasprintf("C%zu-%s", k + 1, c->id);
    xmlNodePtr group = add_item(b, org, id, NULL, c->components[k].title);
    for (size_t m = 0; m < c->module_count; m++)
      if (c->modules[m].component == k)
        add_module_item(b, group, m);
    free(id);
  }
  cert = add_item(b, org, cert_id, cert_ref, "Certificate of completion");
  if (b->is12)
    gate_certificate_12(b, cert);
  else
    gate_certificate_2004(b, cert);
  free(cert_id);
  free(cert_ref);
}

static void add_organization(builder *b, xmlNodePtr root)
{
  const manifest_spec *s = b->spec;
  const course_t *c = s->course;
  xmlNodePtr orgs = child(root, b->cp, "organizations", NULL);
  xmlNodePtr org = child(orgs, b->cp, "organization", NULL);
  char *org_id = xasprintf("ORG-%s", c->id);
  char *res = xasprintf("RES-%s", c->id);

  attr(orgs, "default", org_id);
  attr(org, "identifier", org_id);

  if (s->layout == LAYOUT_SPLIT) {
    size_t m = (size_t)s->module;
    child(org, b->cp, "title", s->content->modules[m].title);
    add_module_item(b, org, m);
  } else if (s->layout == LAYOUT_PER_MODULE) {
    child(org, b->cp, "title", c->title);
    add_per_module_items(b, org);
  } else {
    char *id = xasprintf("ITEM-%s", c->id);
    xmlNodePtr item;
    child(org, b->cp, "title", c->title);
    item = add_item(b, org, id, res, c->title);
    if (!b->is12)
      add_delivery_controls(b, child(item, b->imsss, "sequencing", NULL));
    free(id);
  }
  if (!b->is12 && s->layout == LAYOUT_PER_MODULE) {
    xmlNodePtr seq = child(org, b->imsss, "sequencing", NULL);
    xmlNodePtr mode = child(seq, b->imsss, "controlMode", NULL);
    attr(mode, "choice", "true");
    attr(mode, "flow", "true");
  }
  free(org_id);
  free(res);
}

/* ---- resources ------------------------------------------------------ */

static xmlNodePtr add_resource(builder *b, xmlNodePtr parent,
                               const char *id, const char *href,
                               bool sco)
{
  xmlNodePtr res = child(parent, b->cp, "resource", NULL);

  attr(res, "identifier", id);
  attr(res, "type", "webcontent");
  ns_attr(res, b->adlcp, b->is12 ? "scormtype" : "scormType",
          sco ? "sco" : "asset");
  if (href)
    attr(res, "href", href);
  return res;
}

static void add_file(builder *b, xmlNodePtr res, const char *href)
{
  attr(child(res, b->cp, "file", NULL), "href", href);
}

static void add_media_files(builder *b, xmlNodePtr res,
                            const content_module *m)
{
  for (size_t i = 0; i < m->media_count; i++) {
    char *href = *m->folder ? xasprintf("media/%s/%s", m->folder,
                                        m->media[i])
                            : xasprintf("media/%s", m->media[i]);
    add_file(b, res, href);
    free(href);
  }
}

static void add_runtime_files(builder *b, xmlNodePtr res)
{
  for (size_t i = 0; i < b->spec->runtime_count; i++)
    add_file(b, res, b->spec->runtime_files[i]);
}

static void add_dependency(builder *b, xmlNodePtr res, const char *id)
{
  attr(child(res, b->cp, "dependency", NULL), "identifierref", id);
}

/* One SCO with everything: the single and split layouts. */
static void add_whole_resource(builder *b, xmlNodePtr resources)
{
  const manifest_spec *s = b->spec;
  const course_t *c = s->course;
  bool split = s->layout == LAYOUT_SPLIT;
  char *id = split ? resource_id(c->id, c->modules[s->module].folder)
                   : xasprintf("RES-%s", c->id);
  xmlNodePtr res = add_resource(b, resources, id, "index.html", true);

  add_file(b, res, "index.html");
  add_runtime_files(b, res);
  if (split) {
    add_media_files(b, res, &s->content->modules[s->module]);
  } else {
    add_media_files(b, res, &s->content->course_pages);
    for (size_t m = 0; m < s->content->module_count; m++)
      add_media_files(b, res, &s->content->modules[m]);
  }
  free(id);
}

static void add_per_module_resources(builder *b, xmlNodePtr resources)
{
  const course_t *c = b->spec->course;
  char *runtime_id = xasprintf("RES-%s-runtime", c->id);
  char *cert_id = xasprintf("RCERT-%s", c->id);
  xmlNodePtr res;

  for (size_t m = 0; m < c->module_count; m++) {
    char *id = resource_id(c->id, c->modules[m].folder);
    char *href = manifest_module_launch(c, m);
    res = add_resource(b, resources, id, href, true);
    add_file(b, res, href);
    add_media_files(b, res, &b->spec->content->modules[m]);
    add_dependency(b, res, runtime_id);
    free(id);
    free(href);
  }
  res = add_resource(b, resources, cert_id, "certificate.html", true);
  add_file(b, res, "certificate.html");
  add_dependency(b, res, runtime_id);

  res = add_resource(b, resources, runtime_id, NULL, false);
  add_runtime_files(b, res);
  add_media_files(b, res, &b->spec->content->course_pages);
  free(runtime_id);
  free(cert_id);
}

xmlDocPtr manifest_build(const manifest_spec *spec)
{
  const course_t *c = spec->course;
  builder b = {spec, spec->edition == EDITION_12, 0, 0, 0, 0};
  xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
  xmlNodePtr root, resources;
  char *id;
  int minutes = 0;

  if (spec->layout == LAYOUT_SPLIT) {
    id = xasprintf("MAN-%s-%s", c->id, c->modules[spec->module].folder);
    minutes = c->modules[spec->module].settings.minutes;
  } else {
    id = xasprintf("MAN-%s", c->id);
    for (size_t m = 0; m < c->module_count; m++)
      minutes += c->modules[m].settings.minutes;
  }
  root = make_root(&b, doc, id);
  add_metadata(&b, root, minutes);
  add_organization(&b, root);

  resources = child(root, b.cp, "resources", NULL);
  if (spec->layout == LAYOUT_PER_MODULE)
    add_per_module_resources(&b, resources);
  else
    add_whole_resource(&b, resources);
  free(id);
  return doc;
}
