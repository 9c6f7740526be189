#!/usr/bin/env python3
"""Generate the example model of a fictional Swedish municipality (kommun).

Writes units.csv, posts.csv, people.csv, links.csv and findings.csv beside
this script, then reads them back and checks every validity rule the reorg
loader enforces (plus the minimums the example data promises), and prints a
short summary.

The story (see SPEC.md section 1): the IT office of the municipal executive
office does not deliver what the administrations need, the IT manager's post
ends at year end and the office is to be run in project form with a steering
group; the service and technical administration's budget does not balance;
the head of adult education (Viadidakt) is being recruited; a
community-development administration is to be formed, and the executive
office and the service and technical administration are reviewed first:
what works today, what does not, why.

No real people: posts carry titles, and people.csv holds invented names
combined from fixed lists of common first and last names.

Standard library only, deterministic (random.Random(2026)); running it twice
produces byte-identical files.

    python3 data/kommun/generate.py
"""

import csv
import os
import random
import statistics
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
RNG = random.Random(2026)
OVERHEAD = 1.45  # salary -> yearly cost (social fees, pension, overhead)

UNIT_KINDS = {"administration", "department", "office", "team", "committee",
              "group", "project", "external"}
LINK_KINDS = {"dotted_line", "member_of", "serves", "collaborates"}
FINDING_KINDS = {"works", "doesnt_work", "cause"}

# --------------------------------------------------------------------------
# Structure
# --------------------------------------------------------------------------
# A unit spec: id, name, kind, parent, head, staff, capacity.
#   head  = (post id or None for "<unit>.CHEF", title, function, monthly salary)
#           or None for a unit without a head post
#   staff = list of (title, function, count, monthly salary, part-time share)
#           part-time share: probability that a post has fte < 1.0
# Staff posts get ids "<unit>.001", "<unit>.002", ... and report to the head
# of their unit (or of the nearest ancestor unit that has a head).

UNITS = []


def unit(uid, name, kind, parent="", head=None, staff=(), capacity=None):
    UNITS.append(dict(id=uid, name=name, kind=kind, parent=parent,
                      head_spec=head, staff=list(staff), capacity=capacity))


def S(title, function, count, monthly, pt=0.0):
    return (title, function, count, monthly, pt)


# ---- Committees (politically elected; no employed posts, so no head) ----
unit("KF", "Kommunfullmäktige", "committee")
unit("KS", "Kommunstyrelsen", "committee", "KF")
unit("STN", "Service- och tekniknämnden", "committee", "KF")
unit("BUN", "Bildningsnämnden", "committee", "KF")
unit("SN", "Socialnämnden", "committee", "KF")
unit("VON", "Vård- och omsorgsnämnden", "committee", "KF")
unit("KFN", "Kultur- och fritidsnämnden", "committee", "KF")
unit("BMN", "Bygg- och miljönämnden", "committee", "KF")
unit("VIAN", "Viadidaktnämnden", "committee", "KF")
unit("RN", "Räddningsnämnden", "committee", "KF")

# ---- Kommunledningsförvaltningen (municipal executive office) ----
unit("KLF", "Kommunledningsförvaltningen", "administration", "KS",
     head=("KC", "Kommunchef", "ledning", 92000),
     staff=[S("Kommunchefens assistent", "administration", 1, 34000)])
unit("LG", "Ledningsgruppen", "group", "KLF")
unit("IT.STYR", "Styrgrupp IT", "group", "KLF")

unit("KLF.IT", "IT-kontoret", "office", "KLF",
     head=("IT.CHEF", "IT-chef", "IT", 68000),
     staff=[S("IT-strateg", "IT", 1, 52000),
            S("Informationssäkerhetssamordnare", "IT", 1, 48000)],
     capacity=16000)
unit("KLF.IT.SUP", "IT-support och servicedesk", "team", "KLF.IT",
     head=(None, "Gruppledare IT-support", "IT", 46000),
     staff=[S("Supporttekniker", "IT", 7, 34000),
            S("Servicedeskhandläggare", "IT", 2, 31500)])
unit("KLF.IT.DRIFT", "Drift och infrastruktur", "team", "KLF.IT",
     head=(None, "Gruppledare drift och infrastruktur", "IT", 50000),
     staff=[S("Nätverkstekniker", "IT", 2, 40000),
            S("Servertekniker", "IT", 2, 41000),
            S("Drifttekniker", "IT", 2, 38000)])
unit("KLF.IT.SYS", "Systemförvaltning", "team", "KLF.IT",
     head=(None, "Gruppledare systemförvaltning", "IT", 48000),
     staff=[S("Systemförvaltare", "IT", 5, 42000),
            S("Systemutvecklare", "IT", 1, 44000)])

unit("KLF.HR", "HR-avdelningen", "department", "KLF",
     head=("HR.DIR", "HR-direktör", "HR", 72000),
     staff=[S("HR-konsult", "HR", 3, 42000),
            S("Förhandlare", "HR", 1, 48000),
            S("Rekryteringsspecialist", "HR", 1, 40000),
            S("Arbetsmiljöspecialist", "HR", 1, 44000)])
unit("KLF.HR.LON", "Lönecentrum", "team", "KLF.HR",
     head=(None, "Lönechef", "lön", 50000),
     staff=[S("Löneadministratör", "lön", 8, 31000, 0.15),
            S("Systemförvaltare lön", "lön", 1, 40000)])

unit("KLF.EKO", "Ekonomiavdelningen", "department", "KLF",
     head=("EKO.CHEF", "Ekonomichef", "ekonomi", 70000),
     staff=[S("Redovisningsekonom", "ekonomi", 3, 40000),
            S("Budgetstrateg", "ekonomi", 1, 50000),
            S("Controller", "ekonomi", 2, 46000),
            S("Ekonomiassistent", "ekonomi", 2, 30000, 0.3)])
unit("KLF.EKO.UPH", "Upphandlingsenheten", "team", "KLF.EKO",
     head=(None, "Upphandlingschef", "upphandling", 52000),
     staff=[S("Upphandlare", "upphandling", 4, 42000)])

unit("KLF.PLAN", "Planeringsavdelningen", "department", "KLF",
     head=("PLAN.CHEF", "Planeringschef", "ledning", 64000),
     staff=[S("Översiktsplanerare", "planering", 2, 46000),
            S("Exploateringsingenjör", "exploatering", 2, 46000),
            S("Mark- och exploateringshandläggare", "exploatering", 1, 40000),
            S("Näringslivsutvecklare", "näringsliv", 1, 45000),
            S("GIS-ingenjör", "GIS", 1, 40000),
            S("Utredare", "utredning", 1, 44000),
            S("Registrator", "registratur", 1, 32000),
            S("Kommunikatör", "kommunikation", 1, 38000),
            S("Administratör", "administration", 1, 30500, 0.5)])

unit("KLF.KANS", "Kansliavdelningen", "department", "KLF",
     head=(None, "Kanslichef", "ledning", 58000),
     staff=[S("Nämndsekreterare", "administration", 3, 36000),
            S("Registrator", "registratur", 2, 32000),
            S("Kommunjurist", "juridik", 1, 52000),
            S("Arkivarie", "arkiv", 1, 36000),
            S("Dataskyddsombud", "juridik", 1, 46000)])
unit("KLF.KOM", "Kommunikationsavdelningen", "office", "KLF",
     head=(None, "Kommunikationschef", "kommunikation", 56000),
     staff=[S("Kommunikatör", "kommunikation", 2, 38000),
            S("Webbredaktör", "kommunikation", 1, 36000)])
# Deliberately narrow: a security manager with exactly one report.
unit("KLF.SAK", "Säkerhet och beredskap", "office", "KLF",
     head=(None, "Säkerhetschef", "säkerhet", 56000),
     staff=[S("Beredskapssamordnare", "säkerhet", 1, 44000)])

# ---- Service- och teknikförvaltningen ----
unit("STF", "Service- och teknikförvaltningen", "administration", "STN",
     head=("STF.CHEF", "Förvaltningschef", "ledning", 74000),
     staff=[S("Controller", "ekonomi", 1, 46000),
            S("HR-partner", "HR", 1, 46000),
            S("Registrator", "registratur", 1, 32000),
            S("Kommunikatör", "kommunikation", 1, 38000),
            S("Administratör", "administration", 2, 30500, 0.3),
            S("Utredare", "utredning", 1, 44000)])
unit("STF.FAST", "Fastighetsavdelningen", "department", "STF",
     head=(None, "Fastighetschef", "fastighet", 62000),
     staff=[S("Fastighetsförvaltare", "fastighet", 3, 44000),
            S("Energiingenjör", "fastighet", 1, 45000),
            S("Lokalstrateg", "planering", 1, 48000)],
     capacity=6500)
unit("STF.FAST.DRIFT", "Fastighetsdrift", "team", "STF.FAST",
     head=(None, "Driftledare fastighet", "fastighet", 44000),
     staff=[S("Fastighetstekniker", "fastighet", 10, 32000)])
unit("STF.FAST.PROJ", "Byggprojekt", "team", "STF.FAST",
     head=(None, "Projektchef bygg", "fastighet", 54000),
     staff=[S("Projektledare bygg", "fastighet", 4, 50000)])
unit("STF.FAST.HELP", "Felanmälan och fastighetsservice", "team", "STF.FAST",
     head=(None, "Samordnare felanmälan", "fastighet", 36000),
     staff=[S("Kundtjänsthandläggare", "fastighet", 3, 30000, 0.3)])
unit("STF.KOST", "Kostavdelningen", "department", "STF",
     head=(None, "Kostchef", "kost", 56000),
     staff=[S("Dietist", "kost", 1, 38000),
            S("Kostekonom", "kost", 1, 34000)],
     capacity=600000)
unit("STF.KOST.CK", "Centralköket", "team", "STF.KOST",
     head=(None, "Köksmästare", "kost", 38000),
     staff=[S("Kock", "kost", 6, 28500, 0.2),
            S("Måltidsbiträde", "kost", 5, 26500, 0.4)])
unit("STF.KOST.SKOL", "Skolrestauranger", "team", "STF.KOST",
     head=(None, "Enhetschef skolmåltider", "kost", 42000),
     staff=[S("Kock", "kost", 5, 28500, 0.2),
            S("Måltidsbiträde", "kost", 7, 26500, 0.5)])
unit("STF.STAD", "Lokalvårdsavdelningen", "department", "STF",
     head=(None, "Lokalvårdschef", "städ", 52000),
     staff=[S("Kvalitetssamordnare lokalvård", "städ", 1, 36000)],
     capacity=80000)
# Deliberately very wide: one supervisor for every school cleaner.
unit("STF.STAD.SKOL", "Lokalvård skolor och förskolor", "team", "STF.STAD",
     head=(None, "Arbetsledare lokalvård", "städ", 35000),
     staff=[S("Lokalvårdare", "städ", 22, 27000, 0.3)])
unit("STF.STAD.OMS", "Lokalvård förvaltningsbyggnader", "team", "STF.STAD",
     head=(None, "Arbetsledare lokalvård", "städ", 35000),
     staff=[S("Lokalvårdare", "städ", 8, 27000, 0.3)])
# Deliberately without a head: the window cleaners report to the department head.
unit("STF.STAD.FONS", "Fönsterputs", "team", "STF.STAD",
     staff=[S("Fönsterputsare", "städ", 3, 28000)])
unit("STF.GATA", "Gatu- och parkavdelningen", "department", "STF",
     head=(None, "Gatu- och parkchef", "gata", 60000),
     staff=[S("Trafikingenjör", "gata", 2, 44000),
            S("GIS-ingenjör", "GIS", 1, 40000),
            S("Projektledare anläggning", "gata", 1, 48000)])
unit("STF.GATA.GATA", "Gatuenheten", "team", "STF.GATA",
     head=(None, "Arbetsledare gata", "gata", 40000),
     staff=[S("Gatuarbetare", "gata", 7, 29500),
            S("Maskinförare", "gata", 2, 31000)])
unit("STF.GATA.PARK", "Parkenheten", "team", "STF.GATA",
     head=(None, "Arbetsledare park", "park", 39000),
     staff=[S("Parkarbetare", "park", 7, 28500, 0.15),
            S("Trädgårdsmästare", "park", 1, 30500)])
unit("STF.FORD", "Fordonsenheten", "office", "STF",
     head=(None, "Fordonssamordnare", "fordon", 40000),
     staff=[S("Fordonstekniker", "fordon", 3, 33000),
            S("Fordonshandläggare", "fordon", 1, 30000)])

# ---- Viadidakt (adult education; head post vacant, being recruited) ----
unit("VIA", "Viadidakt", "administration", "VIAN",
     head=("VIA.CHEF", "Förvaltningschef", "ledning", 70000),
     staff=[S("Controller", "ekonomi", 1, 45000),
            S("Administratör", "administration", 1, 30000),
            S("Utredare", "utredning", 1, 43000)])
unit("VIA.KOMVUX", "Komvux", "department", "VIA",
     head=(None, "Rektor Komvux", "ledning", 55000),
     staff=[S("Lärare", "undervisning", 9, 38000, 0.2),
            S("Studie- och yrkesvägledare", "vägledning", 2, 36000)])
unit("VIA.SFI", "Svenska för invandrare", "department", "VIA",
     head=(None, "Rektor SFI", "ledning", 54000),
     staff=[S("Lärare i SFI", "undervisning", 7, 37000, 0.2)])
unit("VIA.AME", "Arbetsmarknadsenheten", "department", "VIA",
     head=(None, "Enhetschef arbetsmarknad", "ledning", 50000),
     staff=[S("Arbetsmarknadskonsulent", "arbetsmarknad", 5, 36000),
            S("Jobbcoach", "arbetsmarknad", 3, 32000)])

# ---- Utbildningsförvaltningen ----
unit("UTB", "Utbildningsförvaltningen", "administration", "BUN",
     head=("UTB.CHEF", "Förvaltningschef", "ledning", 76000),
     staff=[S("Controller", "ekonomi", 1, 46000),
            S("HR-partner", "HR", 1, 46000),
            S("Registrator", "registratur", 1, 32000),
            S("Nämndsekreterare", "administration", 1, 36000),
            S("Utvecklingsstrateg", "utredning", 1, 46000),
            S("IT-samordnare", "IT", 1, 40000)])
unit("UTB.NORR", "Norrskolan F–6", "department", "UTB",
     head=(None, "Rektor", "ledning", 56000),
     staff=[S("Lärare", "undervisning", 8, 38000, 0.15),
            S("Fritidspedagog", "undervisning", 3, 32000, 0.2),
            S("Elevassistent", "undervisning", 1, 26000, 0.5)])
unit("UTB.SODER", "Söderskolan 7–9", "department", "UTB",
     head=(None, "Rektor", "ledning", 57000),
     staff=[S("Lärare", "undervisning", 10, 39000, 0.15),
            S("Elevassistent", "undervisning", 1, 26000, 0.5)])
unit("UTB.GY", "Kommunens gymnasieskola", "department", "UTB",
     head=(None, "Rektor", "ledning", 58000),
     staff=[S("Gymnasielärare", "undervisning", 11, 40000, 0.15)])
unit("UTB.FSK", "Förskoleområde centrum", "department", "UTB",
     head=(None, "Rektor förskola", "ledning", 52000),
     staff=[S("Förskollärare", "förskola", 6, 36000, 0.2),
            S("Barnskötare", "förskola", 6, 27500, 0.3)])
unit("UTB.EH", "Elevhälsan", "department", "UTB",
     head=(None, "Verksamhetschef elevhälsa", "ledning", 52000),
     staff=[S("Skolsköterska", "elevhälsa", 2, 42000),
            S("Kurator", "elevhälsa", 2, 38000),
            S("Skolpsykolog", "elevhälsa", 1, 48000)])

# ---- Socialförvaltningen ----
unit("SOC", "Socialförvaltningen", "administration", "SN",
     head=("SOC.CHEF", "Förvaltningschef", "ledning", 74000),
     staff=[S("Controller", "ekonomi", 1, 46000),
            S("HR-partner", "HR", 1, 46000),
            S("Registrator", "registratur", 1, 32000),
            S("Kvalitetsutvecklare", "utredning", 1, 42000),
            S("Systemförvaltare", "IT", 1, 40000)])
unit("SOC.BUF", "Barn och familj", "department", "SOC",
     head=(None, "Enhetschef barn och familj", "ledning", 52000),
     staff=[S("Socialsekreterare", "socialt arbete", 9, 38000)])
unit("SOC.VUX", "Vuxenenheten", "department", "SOC",
     head=(None, "Enhetschef vuxen", "ledning", 51000),
     staff=[S("Socialsekreterare", "socialt arbete", 5, 38000),
            S("Behandlingsassistent", "socialt arbete", 3, 30000)])
unit("SOC.EKB", "Ekonomiskt bistånd", "department", "SOC",
     head=(None, "Enhetschef ekonomiskt bistånd", "ledning", 50000),
     staff=[S("Handläggare ekonomiskt bistånd", "socialt arbete", 7, 35000)])
unit("SOC.MOT", "Mottagningsenheten", "department", "SOC",
     head=(None, "Enhetschef mottagning", "ledning", 50000),
     staff=[S("Socialsekreterare", "socialt arbete", 4, 38000)])

# ---- Vård- och omsorgsförvaltningen ----
unit("VOF", "Vård- och omsorgsförvaltningen", "administration", "VON",
     head=("VOF.CHEF", "Förvaltningschef", "ledning", 76000),
     staff=[S("Controller", "ekonomi", 1, 46000),
            S("HR-partner", "HR", 1, 46000),
            S("Registrator", "registratur", 1, 32000),
            S("Medicinskt ansvarig sjuksköterska", "hälso- och sjukvård", 1, 52000),
            S("Kvalitetsutvecklare", "utredning", 1, 42000),
            S("Systemförvaltare", "IT", 1, 40000)])
unit("VOF.EKB", "Ekbackens särskilda boende", "department", "VOF",
     head=(None, "Enhetschef", "ledning", 50000),
     staff=[S("Undersköterska", "omsorg", 9, 29000, 0.4),
            S("Vårdbiträde", "omsorg", 2, 26500, 0.5)])
unit("VOF.LIN", "Lindgårdens särskilda boende", "department", "VOF",
     head=(None, "Enhetschef", "ledning", 50000),
     staff=[S("Undersköterska", "omsorg", 8, 29000, 0.4),
            S("Vårdbiträde", "omsorg", 3, 26500, 0.5)])
unit("VOF.HEMT", "Hemtjänsten", "department", "VOF",
     head=(None, "Enhetschef hemtjänst", "ledning", 50000),
     staff=[S("Planerare hemtjänst", "omsorg", 2, 31000)])
unit("VOF.HEMT.N", "Hemtjänst norra", "team", "VOF.HEMT",
     head=(None, "Gruppledare hemtjänst", "omsorg", 34000),
     staff=[S("Undersköterska", "omsorg", 7, 29000, 0.4),
            S("Vårdbiträde", "omsorg", 2, 26500, 0.5)])
unit("VOF.HEMT.S", "Hemtjänst södra", "team", "VOF.HEMT",
     head=(None, "Gruppledare hemtjänst", "omsorg", 34000),
     staff=[S("Undersköterska", "omsorg", 7, 29000, 0.4),
            S("Vårdbiträde", "omsorg", 1, 26500, 0.5)])
unit("VOF.HSL", "Hälso- och sjukvårdsenheten", "department", "VOF",
     head=(None, "Verksamhetschef hälso- och sjukvård", "ledning", 54000),
     staff=[S("Sjuksköterska", "hälso- och sjukvård", 6, 40000, 0.2),
            S("Fysioterapeut", "hälso- och sjukvård", 1, 37000),
            S("Arbetsterapeut", "hälso- och sjukvård", 2, 37000)])
unit("VOF.BIST", "Biståndsenheten", "department", "VOF",
     head=(None, "Enhetschef bistånd", "ledning", 50000),
     staff=[S("Biståndshandläggare", "socialt arbete", 5, 36000)])

# ---- Kultur- och fritidsförvaltningen ----
unit("KOF", "Kultur- och fritidsförvaltningen", "administration", "KFN",
     head=("KOF.CHEF", "Förvaltningschef", "ledning", 68000),
     staff=[S("Controller", "ekonomi", 1, 44000, 0.5),
            S("Administratör", "administration", 1, 30000),
            S("Kultursekreterare", "kultur", 2, 36000)])
unit("KOF.BIB", "Biblioteket", "department", "KOF",
     head=(None, "Bibliotekschef", "ledning", 48000),
     staff=[S("Bibliotekarie", "bibliotek", 5, 33000, 0.2),
            S("Biblioteksassistent", "bibliotek", 2, 28000, 0.4)])
unit("KOF.FRI", "Fritidsenheten", "department", "KOF",
     head=(None, "Fritidschef", "ledning", 48000),
     staff=[S("Fritidsledare", "fritid", 4, 29000, 0.3),
            S("Badmästare", "fritid", 3, 29000, 0.3),
            S("Anläggningsskötare", "fritid", 2, 29500)])
unit("KOF.KSK", "Kulturskolan", "department", "KOF",
     head=(None, "Rektor kulturskola", "ledning", 48000),
     staff=[S("Kulturskolelärare", "kultur", 6, 33000, 0.4)])

# ---- Miljöförvaltningen ----
unit("MIL", "Miljöförvaltningen", "administration", "BMN",
     head=("MIL.CHEF", "Förvaltningschef", "ledning", 66000),
     staff=[S("Administratör", "administration", 1, 30000),
            S("Registrator", "registratur", 1, 32000),
            S("Handläggare", "miljötillsyn", 1, 37000)])
unit("MIL.TILL", "Tillsynsenheten", "department", "MIL",
     head=(None, "Enhetschef tillsyn", "ledning", 52000),
     staff=[S("Miljöinspektör", "miljötillsyn", 6, 38000),
            S("Livsmedelsinspektör", "miljötillsyn", 3, 38000)])
# Narrow: two strategists.
unit("MIL.STRAT", "Miljöstrategiska enheten", "office", "MIL",
     head=(None, "Enhetschef miljöstrategi", "ledning", 50000),
     staff=[S("Miljöstrateg", "miljöstrategi", 1, 44000),
            S("Klimatstrateg", "miljöstrategi", 1, 44000)])

# ---- Stadsbyggnadsförvaltningen ----
unit("SBK", "Stadsbyggnadsförvaltningen", "administration", "BMN",
     head=("SBK.CHEF", "Förvaltningschef", "ledning", 68000),
     staff=[S("Administratör", "administration", 1, 30000),
            S("Registrator", "registratur", 1, 32000),
            S("Kommunikatör", "kommunikation", 1, 38000)])
unit("SBK.BYGG", "Bygglovsenheten", "department", "SBK",
     head=(None, "Bygglovschef", "ledning", 54000),
     staff=[S("Bygglovshandläggare", "bygglov", 5, 39000),
            S("Byggnadsinspektör", "bygglov", 2, 40000)])
unit("SBK.PLAN", "Detaljplaneenheten", "department", "SBK",
     head=(None, "Planchef", "ledning", 56000),
     staff=[S("Planarkitekt", "planering", 4, 42000)])
unit("SBK.GIS", "Kart- och GIS-enheten", "department", "SBK",
     head=(None, "Stadsmätningschef", "ledning", 52000),
     staff=[S("Mätningsingenjör", "GIS", 3, 36000),
            S("GIS-ingenjör", "GIS", 2, 40000)])

# ---- Räddningstjänsten ----
unit("RTJ", "Räddningstjänsten", "administration", "RN",
     head=("RTJ.CHEF", "Räddningschef", "ledning", 68000),
     staff=[S("Administratör", "administration", 1, 30000),
            S("Controller", "ekonomi", 1, 44000, 0.5)])
unit("RTJ.OPS", "Operativa enheten", "department", "RTJ",
     head=(None, "Chef operativa enheten", "räddning", 54000),
     staff=[S("Utbildningsansvarig", "räddning", 1, 40000)])
for _shift in ("A", "B", "C"):
    unit("RTJ.OPS." + _shift, "Skiftlag " + _shift, "team", "RTJ.OPS",
         head=(None, "Styrkeledare", "räddning", 38000),
         staff=[S("Brandman", "räddning", 6, 30000)])
unit("RTJ.FOR", "Förebyggande enheten", "department", "RTJ",
     head=(None, "Chef förebyggande", "räddning", 52000),
     staff=[S("Brandingenjör", "räddning", 2, 44000),
            S("Brandinspektör", "räddning", 2, 38000)])

# ---- Municipal companies (own legal entities: their own trees) ----
unit("BOST", "Kommunens Bostäder AB", "external",
     head=("BOST.VD", "Verkställande direktör", "ledning", 82000),
     staff=[S("Ekonomichef bolag", "ekonomi", 1, 56000),
            S("Fastighetsförvaltare", "fastighet", 2, 42000),
            S("Uthyrare", "bostad", 2, 32000),
            S("Fastighetsskötare", "fastighet", 4, 30000)])
unit("VAEN", "Kommunens Energi och Vatten AB", "external",
     head=("VAEN.VD", "Verkställande direktör", "ledning", 84000),
     staff=[S("Ekonomichef bolag", "ekonomi", 1, 56000),
            S("Drifttekniker VA", "energi", 3, 34000),
            S("Elnätstekniker", "energi", 2, 36000),
            S("Kundtjänsthandläggare", "energi", 2, 30000)])

# ---- External IT partner (brought in for the project year) ----
unit("EXT.IT", "Exempla IT-drift AB", "external",
     head=("EXT.IT.VD", "Verkställande direktör", "ledning", 90000),
     staff=[])
EXTRA_POSTS = [
    # id, title, unit, reports_to, function, monthly
    ("EXT.IT.DRIFTCHEF", "IT-driftschef", "EXT.IT", "EXT.IT.VD", "IT", 66000),
    ("EXT.IT.KAM", "Kundansvarig", "EXT.IT", "EXT.IT.VD", "IT", 60000),
    ("EXT.IT.001", "Drifttekniker", "EXT.IT", "EXT.IT.DRIFTCHEF", "IT", 42000),
    ("EXT.IT.002", "Drifttekniker", "EXT.IT", "EXT.IT.DRIFTCHEF", "IT", 42000),
    ("EXT.IT.003", "Drifttekniker", "EXT.IT", "EXT.IT.DRIFTCHEF", "IT", 42000),
    ("EXT.IT.004", "Servicedesktekniker", "EXT.IT", "EXT.IT.DRIFTCHEF", "IT", 36000),
    ("EXT.IT.005", "Servicedesktekniker", "EXT.IT", "EXT.IT.DRIFTCHEF", "IT", 36000),
]

ADMINS = ["KLF", "STF", "VIA", "UTB", "SOC", "VOF", "KOF", "MIL", "SBK", "RTJ"]
COMPANIES = ["BOST", "VAEN"]

# --------------------------------------------------------------------------
# Build posts
# --------------------------------------------------------------------------

UNIT_BY_ID = {u["id"]: u for u in UNITS}


def cost_of(monthly, fte):
    return int(round(monthly * 12 * OVERHEAD * fte))


def jitter(monthly):
    return monthly + RNG.randrange(-6, 7) * 250


def pick_fte(pt):
    if pt and RNG.random() < pt:
        return RNG.choice([0.5, 0.75, 0.75, 0.8, 0.8])
    return 1.0


def nearest_head(uid):
    """Head post id of uid's nearest ancestor (uid itself excluded) that has one."""
    p = UNIT_BY_ID[uid]["parent"]
    while p:
        if UNIT_BY_ID[p].get("head"):
            return UNIT_BY_ID[p]["head"]
        p = UNIT_BY_ID[p]["parent"]
    return ""


POSTS = []  # dicts in output order

# Pass 1: head post ids.
for u in UNITS:
    hs = u["head_spec"]
    u["head"] = (hs[0] or u["id"] + ".CHEF") if hs else ""

# Pass 2: posts, unit by unit (units are listed parents first).
for u in UNITS:
    hs = u["head_spec"]
    if hs:
        pid = u["head"]
        if u["kind"] == "administration" and pid != "KC":
            boss = "KC"
        else:
            boss = nearest_head(u["id"])
        monthly = jitter(hs[3])
        POSTS.append(dict(id=pid, title=hs[1], unit=u["id"], reports_to=boss,
                          function=hs[2], fte=1.0, cost=cost_of(monthly, 1.0),
                          person=""))
    boss = u["head"] or nearest_head(u["id"])
    n = 0
    for title, function, count, monthly, pt in u["staff"]:
        for _ in range(count):
            n += 1
            fte = pick_fte(pt)
            POSTS.append(dict(id="%s.%03d" % (u["id"], n), title=title,
                              unit=u["id"], reports_to=boss, function=function,
                              fte=fte, cost=cost_of(jitter(monthly), fte),
                              person=""))
for pid, title, uid, boss, function, monthly in EXTRA_POSTS:
    POSTS.append(dict(id=pid, title=title, unit=uid, reports_to=boss,
                      function=function, fte=1.0,
                      cost=cost_of(jitter(monthly), 1.0), person=""))

POST_BY_ID = {p["id"]: p for p in POSTS}


def post_of(uid, title):
    """First post in unit uid with the given title."""
    for p in POSTS:
        if p["unit"] == uid and p["title"] == title:
            return p["id"]
    raise KeyError((uid, title))


def posts_of(uid, title=None):
    return [p["id"] for p in POSTS if p["unit"] == uid and
            (title is None or p["title"] == title)]


# --------------------------------------------------------------------------
# Vacancies and people
# --------------------------------------------------------------------------

HEADS = {u["head"] for u in UNITS if u["head"]}
MANAGERS = {p["reports_to"] for p in POSTS if p["reports_to"]}
ALWAYS_FILLED = HEADS | MANAGERS | {"IT.CHEF", "KC", "HR.DIR", "EKO.CHEF",
                                    "PLAN.CHEF", "STF.CHEF"}
eligible = [p["id"] for p in POSTS
            if p["id"] not in ALWAYS_FILLED and not p["unit"].startswith("EXT.")]
VACANT = {"VIA.CHEF"} | set(RNG.sample(eligible, 21))

FIRST = ["Anna", "Karin", "Eva", "Maria", "Lena", "Sara", "Emma", "Johanna",
         "Linnea", "Elin", "Ida", "Malin", "Sofia", "Helena", "Ulrika",
         "Camilla", "Annika", "Therese", "Jenny", "Frida", "Amira", "Yasmin",
         "Fatima", "Leyla", "Mirela", "Hanna", "Agnes", "Kerstin", "Birgitta",
         "Marie",
         "Erik", "Lars", "Anders", "Johan", "Per", "Karl", "Peter", "Mikael",
         "Magnus", "Jonas", "Fredrik", "Daniel", "Henrik", "Mattias", "Oskar",
         "Viktor", "Björn", "Gustav", "Emil", "Niklas", "Ali", "Ahmed",
         "Hassan", "Dragan", "Tobias", "Rickard", "Kent", "Leif", "Tomas",
         "Jesper"]
LAST = ["Ek", "Lind", "Berg", "Holm", "Sjöberg", "Lundqvist", "Nyström",
        "Ström", "Björk", "Sandberg", "Wallin", "Forsberg", "Engström", "Dahl",
        "Hedlund", "Åberg", "Lindholm", "Blom", "Falk", "Sundin", "Mattsson",
        "Fransson", "Axelsson", "Nordin", "Lundin", "Hermansson", "Öberg",
        "Wikström", "Söderberg", "Håkansson", "Ekström", "Jakobsson",
        "Nilsson", "Karlsson", "Andersson", "Johansson", "Eriksson", "Larsson",
        "Olsson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Hassan",
        "Ibrahim", "Kovač", "Virtanen", "Lundgren", "Sjögren", "Malmberg"]
ALL_NAMES = ["%s %s" % (f, l) for f in FIRST for l in LAST]

PEOPLE = []
filled = [p for p in POSTS if p["id"] not in VACANT]
names = RNG.sample(ALL_NAMES, len(filled))
for i, (p, name) in enumerate(zip(filled, names), start=1):
    pid = "P%04d" % i
    PEOPLE.append(dict(id=pid, name=name))
    p["person"] = pid

# --------------------------------------------------------------------------
# Links
# --------------------------------------------------------------------------

LINKS = []
_seen_links = set()


def link(frm, to, kind, weight="", note=""):
    if kind == "collaborates":
        key = (min(frm, to), max(frm, to), kind)
    else:
        key = (frm, to, kind)
    if frm == to or key in _seen_links:
        return False
    _seen_links.add(key)
    LINKS.append({"from": frm, "to": to, "kind": kind,
                  "weight": weight, "note": note})
    return True


# member_of: management group and IT steering group
link("KC", "LG", "member_of", note="ordförande")
for a in ADMINS[1:]:
    link(a + ".CHEF", "LG", "member_of")
for c in COMPANIES:
    link(c + ".VD", "LG", "member_of", note="vd kommunalt bolag")
link("HR.DIR", "LG", "member_of")
link("KC", "IT.STYR", "member_of", note="ordförande")
link("STF.CHEF", "IT.STYR", "member_of",
     note="förvaltningschef i styrgruppen")

# dotted lines
link("EXT.IT.DRIFTCHEF", "KC", "dotted_line",
     note="driftansvar för IT-kontoret under projektåret")
for a in ADMINS[1:]:
    for pid in posts_of(a, "Controller"):
        link(pid, "EKO.CHEF", "dotted_line", note="förvaltningsekonom")
    for pid in posts_of(a, "HR-partner"):
        link(pid, "HR.DIR", "dotted_line", note="HR-partner")
    for pid in posts_of(a, "Registrator"):
        link(pid, "KLF.KANS.CHEF", "dotted_line", note="registratur och arkiv")
    for pid in posts_of(a, "Kommunikatör"):
        link(pid, "KLF.KOM.CHEF", "dotted_line", note="kommunikationsnätverk")
    for t in ("Systemförvaltare", "IT-samordnare"):
        for pid in posts_of(a, t):
            link(pid, "IT.CHEF", "dotted_line", note="verksamhetens IT")
for pid in posts_of("KLF.PLAN", "Registrator"):
    link(pid, "KLF.KANS.CHEF", "dotted_line", note="registratur och arkiv")
for pid in posts_of("KLF.PLAN", "Kommunikatör"):
    link(pid, "KLF.KOM.CHEF", "dotted_line", note="kommunikationsnätverk")
link(post_of("STF.FAST", "Lokalstrateg"), "PLAN.CHEF", "dotted_line",
     note="lokalförsörjningsplan")

# serves (weight = yearly volume), from service units to administrations
IT_CASES = dict(KLF=2600, STF=2400, VIA=1100, UTB=3900, SOC=2300, VOF=3600,
                KOF=1000, MIL=800, SBK=1200, RTJ=900)
PAY_CASES = dict(KLF=1300, STF=2000, VIA=500, UTB=1400, SOC=600, VOF=1500,
                 KOF=450, MIL=250, SBK=350, RTJ=500)
HR_CASES = dict(KLF=120, STF=320, VIA=90, UTB=300, SOC=180, VOF=360,
                KOF=80, MIL=40, SBK=60, RTJ=70)
FAST_ORDERS = dict(KLF=250, STF=600, VIA=250, UTB=2200, SOC=300, VOF=1400,
                   KOF=700, MIL=80, SBK=100, RTJ=200)
CLEAN_HOURS = dict(KLF=6000, STF=4000, VIA=3000, UTB=42000, SOC=5000,
                   VOF=9000, KOF=7000)
MEALS = dict(UTB=380000, VOF=165000)
for a in ADMINS:
    link("KLF.IT", a, "serves", IT_CASES[a], "IT-ärenden per år")
for a in ADMINS:
    link("KLF.HR.LON", a, "serves", PAY_CASES[a], "löneärenden per år")
for a in ADMINS:
    link("KLF.HR", a, "serves", HR_CASES[a], "HR-ärenden per år")
for a in ADMINS:
    link("STF.FAST", a, "serves", FAST_ORDERS[a],
         "felanmälningar och arbetsordrar per år")
for a, v in CLEAN_HOURS.items():
    link("STF.STAD", a, "serves", v, "städtimmar per år")
for a, v in MEALS.items():
    link("STF.KOST", a, "serves", v, "portioner per år")
link("EXT.IT", "KLF.IT", "serves", 2500, "driftärenden per år")
UNIT_BY_ID["KLF.HR.LON"]["capacity"] = 10800
UNIT_BY_ID["KLF.HR"]["capacity"] = 2000

# collaborates: hand-picked post pairs (the story's working relations)
C = "collaborates"
link("IT.CHEF", "EXT.IT.DRIFTCHEF", C, 5, "överlämning av driften")
link("IT.CHEF", "STF.CHEF", C, 3, "styrgruppens beredning")
link("IT.CHEF", "UTB.CHEF", C, 3, "största IT-beställaren")
link("KLF.IT.SYS.CHEF", post_of("VOF", "Systemförvaltare"), C, 4)
link("KLF.IT.SYS.CHEF", post_of("SOC", "Systemförvaltare"), C, 4)
link("KLF.IT.SYS.CHEF", post_of("UTB", "IT-samordnare"), C, 3)
link(post_of("KLF.HR.LON", "Systemförvaltare lön"), "KLF.IT.SYS.001", C, 3,
     "lönesystemet")
link("EKO.CHEF", post_of("STF", "Controller"), C, 5, "budgetberedning")
link("EKO.CHEF", "STF.CHEF", C, 4, "budgetberedning")
link("PLAN.CHEF", "SBK.PLAN.CHEF", C, 5, "planprocessen")
link("PLAN.CHEF", "STF.GATA.CHEF", C, 4)
link("PLAN.CHEF", "STF.CHEF", C, 3)
link("PLAN.CHEF", "STF.FAST.CHEF", C, 3, "lokalförsörjning")
link(post_of("KLF.PLAN", "GIS-ingenjör"), "SBK.GIS.CHEF", C, 3)
link(post_of("KLF.PLAN", "GIS-ingenjör"), post_of("STF.GATA", "GIS-ingenjör"),
     C, 4)
link(post_of("KLF.PLAN", "Exploateringsingenjör"),
     post_of("STF.GATA", "Projektledare anläggning"), C, 4, "exploatering")
link(post_of("KLF.PLAN", "Registrator"), post_of("STF", "Registrator"), C, 3)
link(post_of("KLF.PLAN", "Kommunikatör"), post_of("STF", "Kommunikatör"), C, 2)
link("STF.FAST.CHEF", "UTB.CHEF", C, 3, "skollokaler")
link("STF.KOST.CHEF", "VOF.CHEF", C, 2, "måltider i äldreomsorgen")
link("STF.KOST.SKOL.CHEF", "UTB.NORR.CHEF", C, 3)
link("STF.KOST.SKOL.CHEF", "UTB.SODER.CHEF", C, 3)
link("STF.STAD.SKOL.CHEF", "UTB.FSK.CHEF", C, 2)
link("KLF.SAK.CHEF", "RTJ.CHEF", C, 4, "krisberedskap")
link("VIA.AME.CHEF", "SOC.EKB.CHEF", C, 4, "försörjningsstöd till arbete")
link("HR.DIR", "KLF.HR.LON.CHEF", C, 3)
link("KC", "EKO.CHEF", C, 4)
link("KC", "HR.DIR", C, 4)

# collaborates: peers with the same function in different administrations
PEER_FUNCS = ["ekonomi", "HR", "IT", "registratur", "kommunikation",
              "administration", "utredning", "GIS", "planering", "fastighet",
              "socialt arbete", "omsorg", "undervisning"]
by_func = defaultdict(list)
for p in POSTS:
    if not p["unit"].startswith(("EXT.", "BOST", "VAEN")):
        by_func[p["function"]].append(p["id"])


def admin_of(uid):
    while UNIT_BY_ID[uid]["kind"] != "administration":
        uid = UNIT_BY_ID[uid]["parent"]
        if not uid:
            return ""
    return uid


made = 0
while made < 45:
    f = RNG.choice(PEER_FUNCS)
    a, b = RNG.sample(by_func[f], 2)
    ua, ub = POST_BY_ID[a]["unit"], POST_BY_ID[b]["unit"]
    if ua == ub:
        continue
    if f in ("socialt arbete", "omsorg", "undervisning") \
            and admin_of(ua) == admin_of(ub) and RNG.random() < 0.5:
        continue
    if link(a, b, C, RNG.randint(1, 5)):
        made += 1

# collaborates: a few unit pairs
link("KLF.PLAN", "SBK", C, 4, "samhällsbyggnadsprocessen")
link("KLF.IT", "EXT.IT", C, 5, "IT-drift i projektform")
link("VIA.AME", "SOC.EKB", C, 4)
link("STF.FAST", "UTB", C, 3, "skollokaler")
link("RTJ", "KLF.SAK", C, 3)
link("STF.GATA", "SBK.GIS", C, 2)

# --------------------------------------------------------------------------
# Findings: what works, what does not, why (KLF, STF, KLF.IT)
# --------------------------------------------------------------------------
STF_CTRL = post_of("STF", "Controller")
STF_HRP = post_of("STF", "HR-partner")
LON_SYS = post_of("KLF.HR.LON", "Systemförvaltare lön")
LEDN = "Intervju ledningsgrupp"
ENK_STF = "Enkät STF"
ENK_KLF = "Enkät KLF"
ENK_FV = "Enkät förvaltningar"
WS_IT = "Workshop IT"
BUDG = "Budgetberedning"
WS_STF = "Workshop STF"

FINDINGS = []


def finding(fid, kind, statement, about, because=(), severity=3, count=1,
            source="", check=""):
    """check: the figure that shows it fixed (doesnt_work) or still working
    (works), in the check language of SPEC 4.1; see CHECKS below."""
    FINDINGS.append(dict(id=fid, kind=kind, statement=statement,
                         about=";".join(about), because=";".join(because),
                         severity=severity, count=count, source=source,
                         check=check))


W, D, K = "works", "doesnt_work", "cause"
finding("F01", W, "Lönerna betalas ut korrekt och i tid varje månad.",
        ["KLF.HR.LON"], severity=5, count=16, source=ENK_FV)
finding("F02", W, "Felanmälan till fastighet fungerar: ärenden registreras "
        "samma dag och den som anmält får återkoppling.",
        ["STF.FAST.HELP"], severity=4, count=12, source=ENK_FV)
finding("F03", D, "IT-kontorets leveranser motsvarar inte förvaltningarnas "
        "behov; beställningar blir liggande i månader.",
        ["KLF.IT", "IT.CHEF"], ["C01", "C04", "C05"], severity=5, count=18,
        source=LEDN)
finding("F04", W, "IT-supporten löser enkla ärenden som lösenord och "
        "skrivare snabbt och vänligt.",
        ["KLF.IT.SUP"], severity=3, count=9, source=ENK_FV)
finding("F05", W, "Skolmåltiderna får högt betyg av elever och personal.",
        ["STF.KOST.SKOL"], severity=3, count=11, source=ENK_STF)
finding("F06", W, "Ekonomiavdelningens månadsuppföljning är tydlig och "
        "kommer i tid.", ["KLF.EKO", "EKO.CHEF"], severity=3, count=8,
        source=LEDN)
finding("F07", D, "Samhällsplaneringen är splittrad mellan "
        "planeringsavdelningen och STF; ingen äger helheten från plan till "
        "färdig gata.", ["KLF.PLAN", "STF"], ["C08", "C09"], severity=4,
        count=9, source=LEDN)
finding("F08", D, "STF:s budget går inte ihop; budgetberedningen krävde två "
        "möten och många justeringar återstår.", ["STF", "STF.CHEF"],
        ["C10", "C11", "C12"], severity=5, count=6, source=BUDG)
finding("F09", W, "Ledningsgruppen har ett öppet samtalsklimat och delar "
        "information.", ["LG", "KC"], severity=2, count=10, source=LEDN)
finding("F10", W, "Vinterväghållningen fungerar väl och ger få klagomål.",
        ["STF.GATA.GATA"], severity=3, count=7, source=ENK_STF)
finding("F11", W, "Lokalvården i skolorna håller jämn kvalitet.",
        ["STF.STAD.SKOL"], severity=3, count=8, source=ENK_FV)
finding("F12", W, "Nätverk och serverdrift är stabila; oplanerade avbrott "
        "är sällsynta.", ["KLF.IT.DRIFT"], severity=4, count=10, source=WS_IT)
finding("F13", W, "Kansliet håller ordning på nämndprocessen; handlingarna "
        "kommer ut i tid.", ["KLF.KANS"], severity=2, count=6, source=ENK_KLF)
finding("F14", W, "Planeringsavdelningen har god kontakt med näringslivet.",
        ["KLF.PLAN"], severity=2, count=5, source=LEDN)
finding("F15", D, "IT-projekt i förvaltningarna startar sent och blir "
        "försenade.", ["KLF.IT", "KLF.IT.SYS"], ["C02", "C06"], severity=4,
        count=12, source=WS_IT)
finding("F16", D, "Förvaltningarna vet inte vem de ska vända sig till med "
        "IT-beställningar.", ["KLF.IT"], ["C04", "C07"], severity=3, count=14,
        source=ENK_FV)
finding("F17", D, "Arbetsledaren för lokalvården i skolorna har 22 "
        "medarbetare och hinner inte med medarbetarsamtal.",
        ["STF.STAD.SKOL", "STF.STAD.SKOL.CHEF"], ["C18"], severity=3,
        count=9, source=ENK_STF)
finding("F18", D, "Introduktionen av nya medarbetare i STF är "
        "ostrukturerad.", ["STF", STF_HRP], ["C19"], severity=2, count=7,
        source=ENK_STF)
finding("F19", D, "Byggprojekt drar ut på tiden i glappet mellan fastighet "
        "och planering.", ["STF.FAST.PROJ", "KLF.PLAN"], ["C08"], severity=3,
        count=5, source=WS_STF)
finding("F20", D, "Informationssäkerhet och behörigheter hanteras från fall "
        "till fall.", ["KLF.IT"], ["C03", "C05"], severity=4, count=4,
        source=WS_IT)
finding("F21", D, "Fordonsparken är gammal och bokningssystemet används inte "
        "av alla förvaltningar.", ["STF.FORD"], ["C20"], severity=2, count=4,
        source=ENK_STF)
finding("F22", D, "Medarbetarna på IT-kontoret har fått otydlig information "
        "om vad projektformen innebär för dem.", ["KLF.IT", "KLF.KOM"],
        ["C21"], severity=3, count=11, source=WS_IT)
finding("F23", D, "Planeringschefen och STF:s förvaltningschef lägger mycket "
        "tid på att samordna samma frågor.", ["PLAN.CHEF", "STF.CHEF"],
        ["C09"], severity=3, count=3, source=LEDN)
finding("F24", D, "Centralköket har inte kapacitet för fler portioner.",
        ["STF.KOST.CK"], ["C22"], severity=3, count=5, source=WS_STF)
finding("F25", W, "Gatu- och parkavdelningen och planeringsavdelningen "
        "samarbetar bra i tidiga skeden av detaljplaner.",
        ["STF.GATA", "KLF.PLAN"], severity=3, count=6, source=WS_STF)
finding("F26", W, "Upphandlingsenheten ger bra stöd vid större "
        "upphandlingar.", ["KLF.EKO.UPH"], severity=3, count=7, source=ENK_FV)
finding("F27", W, "Systemförvaltarna på IT-kontoret har djup kunskap om "
        "verksamhetssystemen.", ["KLF.IT.SYS"], severity=3, count=8,
        source=WS_IT)
finding("F28", W, "HR:s stöd vid rehabilitering och arbetsmiljöfrågor "
        "uppskattas av cheferna.", ["KLF.HR", "HR.DIR"], severity=3,
        count=10, source=ENK_FV)
finding("F29", D, "Löneadministrationen är sårbar: bara en person kan "
        "lönesystemets specialfunktioner.", ["KLF.HR.LON", LON_SYS], ["C23"],
        severity=4, count=3, source=ENK_KLF)
finding("F30", D, "Ärenden mellan STF:s avdelningar faller mellan stolarna, "
        "till exempel städning och fastighet vid ombyggnader.",
        ["STF.STAD", "STF.FAST"], ["C24"], severity=3, count=6, source=WS_STF)
finding("F31", D, "Viadidakt har saknat förvaltningschef sedan i våras; beslut om "
        "verksamheten skjuts upp.", ["VIA", "VIA.CHEF"], ["C25"], severity=4,
        count=5, source=LEDN)

# The figure that would show each finding fixed (doesnt_work) or still working
# (works), as the review group wrote it beside the statement (SPEC 4.1). The
# example scenarios resolve some of these problems, leave others addressed but
# not resolved, and break one thing that works (F14: the planning head, one
# step further from the chief executive after the merger).
CHECKS = {
    "F01": "vacant(KLF.HR.LON.CHEF) == 0 and load(KLF.HR.LON) <= 1.0",
    "F02": "load(STF.FAST) <= 1.0",
    "F03": "load(KLF.IT) <= 1.0",
    "F05": "vacant(STF.KOST.SKOL.CHEF) == 0",
    "F07": "exists(KLF.PLAN) == 0",
    "F08": "cost(STF) <= 70000000",
    "F12": "cut_off(KLF.IT.DRIFT.CHEF) <= 10",
    "F13": "vacant(KLF.KANS.CHEF) == 0",
    "F14": "distance(PLAN.CHEF) <= 1",
    "F17": "span(STF.STAD.SKOL.CHEF) <= 12",
    "F23": "distance(PLAN.CHEF) > distance(STF.CHEF)",
    "F24": "load(STF.KOST) <= 0.85",
    "F29": "vacant(KLF.HR.LON) == 0",
    "F31": "vacant(VIA.CHEF) == 0",
}
for f in FINDINGS:
    f["check"] = CHECKS.get(f["id"], "")

# Causes. C01 -> C03 -> C02 -> C01 is the reinforcing loop of the story
# ("IT does not get requirements early -> projects start late -> IT staff
# firefight -> no time for requirements"); it explains nothing outside
# itself, so it is a root. C12 <-> C13 is a second loop that is itself
# explained by C15, so it is not a root.
finding("C01", K, "IT-kontoret får inte verksamhetens krav tidigt; "
        "kravarbetet hinns inte med.", ["KLF.IT"], ["C03"], severity=4,
        count=10, source=WS_IT)
finding("C02", K, "IT-projekt startar sent eftersom kraven kommer sent och "
        "är ofullständiga.", ["KLF.IT.SYS"], ["C01"], severity=4, count=8,
        source=WS_IT)
finding("C03", K, "IT-personalen släcker bränder i försenade projekt i "
        "stället för att planera.", ["KLF.IT", "KLF.IT.SUP"], ["C02"],
        severity=4, count=9, source=WS_IT)
finding("C04", K, "Det finns inget gemensamt forum där förvaltningarna "
        "prioriterar IT-behov; den som ropar högst får hjälp.",
        ["KLF.IT", "LG"], severity=4, count=12, source=LEDN)
finding("C05", K, "IT-kontoret får fler ärenden än det är dimensionerat "
        "för.", ["KLF.IT"], severity=4, count=7, source=WS_IT)
finding("C06", K, "Förvaltningarnas egna systemförvaltare är inte samordnade "
        "med IT-kontoret.", ["KLF.IT.SYS"], ["C04"], severity=3, count=6,
        source=WS_IT)
finding("C07", K, "Alla IT-frågor som inte löses på IT-kontoret går till "
        "kommunchefen, som har många direktrapporterande.", ["KC", "KLF"],
        severity=3, count=4, source=LEDN)
finding("C08", K, "Planeringsavdelningen och STF har dubbla funktioner "
        "(registratur, kommunikation, administration, GIS) utan gemensam "
        "styrning.", ["KLF.PLAN", "STF"], ["C09"], severity=3, count=5,
        source=LEDN)
finding("C09", K, "Ansvaret för samhällsbyggnadsprocessen är delat mellan "
        "tre förvaltningar och tre nämnder.", ["KLF.PLAN", "STF", "KLF"],
        severity=4, count=8, source=LEDN)
finding("C10", K, "Kostnaderna för kost och lokalvård har ökat snabbare än "
        "internpriserna.", ["STF.KOST", "STF.STAD"], ["C16"], severity=4,
        count=4, source=BUDG)
finding("C11", K, "STF:s ekonomiska uppföljning på avdelningsnivå sker för "
        "sällan.", ["STF", STF_CTRL], ["C17"], severity=3, count=4,
        source=BUDG)
finding("C12", K, "Akuta reparationer tränger undan planerat underhåll.",
        ["STF.FAST", "STF.FAST.DRIFT"], ["C13"], severity=4, count=6,
        source=WS_STF)
finding("C13", K, "Underhållsskulden i fastighetsbeståndet växer.",
        ["STF.FAST"], ["C12", "C15"], severity=4, count=5, source=WS_STF)
finding("C14", K, "Förvaltningschefen i STF har tolv direktrapporterande och "
        "lite tid för ekonomistyrning.", ["STF.CHEF"], severity=2, count=3,
        source=LEDN)
finding("C15", K, "Internhyrorna täcker inte underhållskostnaderna.",
        ["STF.FAST", "KLF.EKO"], severity=4, count=4, source=BUDG)
finding("C16", K, "Internpriserna räknas inte upp i takt med kostnaderna.",
        ["STF", "KLF.EKO"], severity=3, count=3, source=BUDG)
finding("C17", K, "STF har en controller för fem avdelningar och nästan 130 "
        "tjänster.", ["STF", STF_CTRL], ["C14"], severity=3, count=3,
        source=BUDG)
finding("C18", K, "Arbetsledarorganisationen har inte följt med när "
        "lokalvården vuxit.", ["STF.STAD"], severity=3, count=4,
        source=WS_STF)
finding("C19", K, "Ingen ansvarar för introduktion i STF; HR-partnern har "
        "inte tid.", ["STF", STF_HRP], severity=2, count=4, source=ENK_STF)
finding("C20", K, "Fordonsenheten saknar mandat att samordna kommunens "
        "fordon.", ["STF.FORD"], severity=2, count=3, source=WS_STF)
finding("C21", K, "IT-chefens tjänst avslutas vid årsskiftet och "
        "ansvarsfördelningen under projektåret är ännu inte förhandlad.",
        ["IT.CHEF", "KLF.IT"], severity=3, count=5, source=LEDN)
finding("C22", K, "Centralkökets lokaler och utrustning är dimensionerade "
        "för färre portioner.", ["STF.KOST.CK"], severity=3, count=3,
        source=WS_STF)
finding("C23", K, "Lönesystemets specialfunktioner är inte dokumenterade och "
        "saknar ersättare.", ["KLF.HR.LON", LON_SYS], severity=4, count=3,
        source=ENK_KLF)
finding("C24", K, "STF:s avdelningar planerar var för sig; gemensam "
        "verksamhetsplanering saknas.", ["STF", "STF.CHEF"], ["C14"],
        severity=3, count=5, source=WS_STF)
finding("C25", K, "Rekryteringen av Viadidakts förvaltningschef har avbrutits "
        "två gånger.", ["VIA"], severity=3, count=3, source=LEDN)

# --------------------------------------------------------------------------
# Write
# --------------------------------------------------------------------------


def fmt_num(v):
    if v == "" or v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return str(v)


def write_csv(name, header, rows):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([fmt_num(r.get(h, "")) for h in header])


def write_all():
    write_csv("units.csv", ["id", "name", "kind", "parent", "head", "capacity"],
              [dict(u, capacity=u["capacity"] if u["capacity"] else "")
               for u in UNITS])
    write_csv("posts.csv", ["id", "title", "unit", "reports_to", "function",
                            "fte", "cost", "person"], POSTS)
    write_csv("people.csv", ["id", "name"], PEOPLE)
    write_csv("links.csv", ["from", "to", "kind", "weight", "note"], LINKS)
    write_csv("findings.csv", ["id", "kind", "statement", "about", "because",
                               "severity", "count", "source", "check"],
              FINDINGS)


# --------------------------------------------------------------------------
# Check (reads the written files back, as the loader would)
# --------------------------------------------------------------------------


def read_csv(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as fh:
        raw = fh.read()
    assert not raw.startswith("\ufeff"), name + ": BOM"
    assert "\r" not in raw, name + ": CR in file"
    rows = list(csv.DictReader(raw.splitlines()))
    return rows


def strongly_connected(nodes, edges):
    """Tarjan's algorithm (iterative). edges: dict node -> list of nodes."""
    index, low, onstack, stack, out = {}, {}, set(), [], []
    counter = [0]
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        onstack.add(root)
        while work:
            v, it = work[-1]
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    onstack.add(w)
                    work.append((w, iter(edges.get(w, ()))))
                    break
                if w in onstack:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        onstack.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    out.append(comp)
    return out


def check():
    units = read_csv("units.csv")
    posts = read_csv("posts.csv")
    people = read_csv("people.csv")
    links = read_csv("links.csv")
    findings = read_csv("findings.csv")

    def unique(rows, name):
        ids = [r["id"] for r in rows]
        dup = [i for i, c in Counter(ids).items() if c > 1]
        assert not dup, "%s: duplicate ids %s" % (name, dup)
        return {r["id"]: r for r in rows}

    U = unique(units, "units")
    P = unique(posts, "posts")
    H = unique(people, "people")
    F = unique(findings, "findings")

    # units
    for u in units:
        assert u["kind"] in UNIT_KINDS, u
        assert u["name"], u
        assert not u["parent"] or u["parent"] in U, u
        if u["head"]:
            assert u["head"] in P, u
            assert P[u["head"]]["unit"] == u["id"], "head outside unit: %s" % u
        if u["capacity"]:
            assert float(u["capacity"]) > 0, u
    for u in units:  # no parent cycle
        seen, x = set(), u["id"]
        while x:
            assert x not in seen, "unit-parent cycle at " + x
            seen.add(x)
            x = U[x]["parent"]

    # posts
    for p in posts:
        assert p["unit"] in U, p
        assert not p["reports_to"] or p["reports_to"] in P, p
        assert not p["person"] or p["person"] in H, p
        assert p["title"] and p["function"], p
        fte, cost = float(p["fte"]), int(p["cost"])
        assert 0 < fte <= 1 and cost > 0, p
    for p in posts:  # no reporting cycle
        seen, x = set(), p["id"]
        while x:
            assert x not in seen, "reporting cycle at " + x
            seen.add(x)
            x = P[x]["reports_to"]
    holders = [p["person"] for p in posts if p["person"]]
    assert len(holders) == len(set(holders)), "person holds two posts"
    assert set(holders) == set(H), "person without a post"

    def chain(pid):
        out, x = [], P[pid]["reports_to"]
        while x:
            out.append(x)
            x = P[x]["reports_to"]
        return out

    def ancestor_head(uid):
        x = U[uid]["parent"]
        while x:
            if U[x]["head"]:
                return x, U[x]["head"]
            x = U[x]["parent"]
        return "", ""

    heads = {u["head"]: u["id"] for u in units if u["head"]}
    for p in posts:
        uid = p["unit"]
        if p["id"] in heads:
            _, boss = ancestor_head(uid)
            if not boss and U[uid]["kind"] == "administration" \
                    and p["id"] != "KC":
                boss = "KC"
            assert p["reports_to"] == boss, \
                "head %s reports to %r, expected %r" % (p["id"],
                                                       p["reports_to"], boss)
        else:
            boss = U[uid]["head"] or ancestor_head(uid)[1]
            assert boss, "no head above " + p["id"]
            assert boss in chain(p["id"]), \
                "%s does not report up to %s" % (p["id"], boss)
    vacant_heads = [h for h in heads if not P[h]["person"]]
    assert vacant_heads == ["VIA.CHEF"], vacant_heads
    tops = sorted(p["id"] for p in posts if not p["reports_to"])
    assert "KC" in tops

    # spans
    span = Counter(p["reports_to"] for p in posts if p["reports_to"])
    one = [m for m, n in span.items() if n == 1]
    wide = sorted((n, m) for m, n in span.items() if n > 15)
    assert len(one) <= 2, one
    assert 1 <= len(wide) <= 2 and max(span.values()) <= 25, wide
    regular = sum(1 for n in span.values() if 3 <= n <= 12)
    assert regular >= 0.8 * len(span), "spans not mostly 3-12"

    # links
    def endpoint(x):
        return "unit" if x in U else "post" if x in P else None

    keys = set()
    for l in links:
        k = l["kind"]
        assert k in LINK_KINDS, l
        a, b = endpoint(l["from"]), endpoint(l["to"])
        assert a and b, "unknown link endpoint %s" % l
        if k == "dotted_line":
            assert a == b == "post", l
        elif k == "member_of":
            assert a == "post" and b == "unit" \
                and U[l["to"]]["kind"] == "group", l
        elif k == "serves":
            assert a == b == "unit" and float(l["weight"]) > 0, l
        else:
            assert a == b and 1 <= int(l["weight"]) <= 5, l
        key = (l["from"], l["to"], k)
        assert key not in keys and l["from"] != l["to"], l
        keys.add(key)
    members = defaultdict(set)
    for l in links:
        if l["kind"] == "member_of":
            members[l["to"]].add(l["from"])
    admin_heads = {U[a]["head"] for a in U if U[a]["kind"] == "administration"}
    assert admin_heads | {"HR.DIR", "BOST.VD", "VAEN.VD"} <= members["LG"]
    assert {"KC", "STF.CHEF"} == members["IT.STYR"]
    for a in admin_heads - {"KC"}:
        assert P[a]["reports_to"] == "KC", a
    assert ("EXT.IT.DRIFTCHEF", "KC", "dotted_line") in keys

    volume = defaultdict(float)
    for l in links:
        if l["kind"] == "serves":
            volume[l["from"]] += float(l["weight"])
    load = {u: volume[u] / float(U[u]["capacity"])
            for u in volume if U[u]["capacity"]}
    assert load["KLF.IT"] > 1, load
    assert max(load, key=load.get) == "KLF.IT"
    it_served = {l["to"] for l in links
                 if l["kind"] == "serves" and l["from"] == "KLF.IT"}
    admins = {u for u in U if U[u]["kind"] == "administration"}
    assert admins <= it_served

    # findings
    for f in findings:
        assert f["kind"] in FINDING_KINDS, f
        assert f["statement"], f
        for a in f["about"].split(";"):
            assert a in U or a in P, "unknown about %r in %s" % (a, f["id"])
        for c in filter(None, f["because"].split(";")):
            assert c in F and F[c]["kind"] == "cause", (f["id"], c)
        assert 1 <= int(f["severity"]) <= 5 and 1 <= int(f["count"]) <= 20
        if f["kind"] == "doesnt_work":
            assert f["because"], f["id"] + " without a cause"
        if f["kind"] == "works":
            assert not f["because"], f
    cited = {c for f in findings for c in filter(None, f["because"].split(";"))}
    unused = [f["id"] for f in findings
              if f["kind"] == "cause" and f["id"] not in cited]
    assert not unused, "causes nothing cites: %s" % unused

    def in_scope(x):
        uid = x if x in U else P[x]["unit"]
        while uid:
            if uid in ("KLF", "STF"):
                return True
            uid = U[uid]["parent"]
        return False

    scoped = [f for f in findings
              if all(in_scope(x) for x in f["about"].split(";"))]
    assert len(scoped) >= 30, len(scoped)
    because = {f["id"]: [c for c in f["because"].split(";") if c]
               for f in findings}
    sccs = strongly_connected(list(F), because)
    loops = sorted(sorted(c) for c in sccs
                   if len(c) > 1 or c[0] in because[c[0]])
    assert loops, "no because-loop"

    # minimums
    kinds = Counter(u["kind"] for u in units)
    assert kinds["administration"] >= 10
    assert len(units) >= 40 and len(posts) >= 400 and len(findings) >= 30
    vacant = [p["id"] for p in posts if not p["person"]]
    assert 0.03 <= len(vacant) / len(posts) <= 0.05, len(vacant)

    # summary
    print("units.csv     %4d  %s" % (len(units), ", ".join(
        "%s %d" % kv for kv in sorted(kinds.items()))))
    print("posts.csv     %4d  vacant %d (%.1f %%), fte %.2f, cost %d SEK, "
          "top posts %s" % (len(posts), len(vacant),
                            100.0 * len(vacant) / len(posts),
                            sum(float(p["fte"]) for p in posts),
                            sum(int(p["cost"]) for p in posts),
                            " ".join(tops)))
    print("people.csv    %4d" % len(people))
    print("links.csv     %4d  %s" % (len(links), ", ".join(
        "%s %d" % kv for kv in sorted(Counter(
            l["kind"] for l in links).items()))))
    print("findings.csv  %4d  %s" % (len(findings), ", ".join(
        "%s %d" % kv for kv in sorted(Counter(
            f["kind"] for f in findings).items()))))
    spans = sorted(span.values())
    print("managers %d, span min %d median %g max %d; span 1: %s; span > 15: %s"
          % (len(span), spans[0], statistics.median(spans), spans[-1],
             " ".join(sorted(one)),
             " ".join("%s (%d)" % (m, n) for n, m in wide)))
    print("load: " + ", ".join("%s %.3f" % (u, load[u])
                               for u in sorted(load, key=load.get,
                                               reverse=True)))
    print("because-loops: " + "; ".join(" ".join(l) for l in loops))
    print("vacant: " + " ".join(vacant))


def main():
    write_all()
    check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
