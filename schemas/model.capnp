# reorg's snapshot format: one organisation model (SPEC §2) as a Cap'n Proto message, written
# by `reorg pack` and memory-mapped by every command that takes a MODEL.
#
# Read it with the stock tool:
#   capnp decode schemas/model.capnp Model < kommun.reorg
#
# References between tables are positions in the lists (0-based), never id strings, so that a
# loader resolves nothing; `noIndex` marks an absent reference. The message is written
# unpacked, so it can be mapped and read in place.
#
# Evolution rule: this schema only grows. Fields and enumerants are added at the end with the
# next ordinal and a default that means "as before"; nothing is ever renumbered, retyped or
# removed (a field no longer used is kept and documented as obsolete). `formatVersion` counts
# changes a reader must know about; readers reject versions newer than they understand.

@0x9d4209650375b462;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("reorg::wire");

const noIndex :UInt32 = 0xffffffff;
const currentFormatVersion :UInt32 = 1;

struct Model {
  # The root of a snapshot.
  formatVersion @0 :UInt32;
  units @1 :List(Unit);
  posts @2 :List(Post);
  people @3 :List(Person);
  links @4 :LinkTable;
  findings @5 :List(Finding);
  extraColumns @6 :List(ExtraColumns);
  # Columns the source files carried beyond the known ones, one entry per table that had any.
}

enum UnitKind {
  administration @0;
  department @1;
  office @2;
  team @3;
  committee @4;
  group @5;
  project @6;
  external @7;
}

struct Unit {
  id @0 :Text;
  name @1 :Text;
  kind @2 :UnitKind;
  parent @3 :UInt32 = 0xffffffff;  # position in Model.units; noIndex for a root
  head @4 :UInt32 = 0xffffffff;    # position in Model.posts; noIndex without a head
  capacity :union {
    # Yearly volume a service unit can handle.
    none @5 :Void;
    value @6 :Float64;
  }
}

struct Post {
  id @0 :Text;
  title @1 :Text;
  function @2 :Text;
  unit @3 :UInt32;                      # position in Model.units
  reportsTo @4 :UInt32 = 0xffffffff;    # position in Model.posts; noIndex for a top post
  fte @5 :Float64 = 1.0;
  cost @6 :Float64;                     # yearly cost in the model's currency
  person @7 :UInt32 = 0xffffffff;       # position in Model.people; noIndex for a vacancy
}

struct Person {
  id @0 :Text;
  name @1 :Text;
}

struct Ref {
  # A post or a unit.
  union {
    post @0 :UInt32;  # position in Model.posts
    unit @1 :UInt32;  # position in Model.units
  }
}

enum LinkKind {
  dottedLine @0;    # post -> post, functional reporting
  memberOf @1;      # post -> group unit
  serves @2;        # unit -> unit, weight = yearly volume
  collaborates @3;  # post <-> post or unit <-> unit
}

struct LinkTable {
  # Every link (SPEC §2), column by column: entry i of each list describes link i. Millions of
  # links are then a few flat arrays, read in order.
  from @0 :List(UInt32);        # position in Model.posts, or in Model.units where fromIsUnit
  to @1 :List(UInt32);          # position in Model.posts, or in Model.units where toIsUnit
  fromIsUnit @2 :List(Bool);
  toIsUnit @3 :List(Bool);
  kind @4 :List(LinkKind);
  weight @5 :List(Float64);     # NaN where the link has no weight
  note @6 :List(Text);          # empty when no link has a note; else one per link
}

enum FindingKind {
  works @0;
  doesntWork @1;
  cause @2;
}

struct Finding {
  id @0 :Text;
  kind @1 :FindingKind;
  statement @2 :Text;
  about @3 :List(Ref);
  because @4 :List(UInt32);  # positions in Model.findings
  severity @5 :UInt8 = 1;    # 1 (minor) to 5 (severe)
  count @6 :UInt32 = 1;      # how many respondents said it
  source @7 :Text;
  check @8 :Text;            # a condition in the check language (SPEC 4.1); empty for none
}

enum Table {
  units @0;
  posts @1;
  people @2;
  links @3;
  findings @4;
}

struct ExtraColumns {
  table @0 :Table;
  names @1 :List(Text);
  values @2 :List(Text);  # names.size() values per row, row after row
}
