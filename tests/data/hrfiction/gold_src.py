# ruff: noqa: E501
"""The hand-written gold of the hrfiction corpus; `python3 gold_src.py` writes gold.json.

Every figure below was written by reading the documents in docs/, never from extractor output.
The layout and conventions are those of the hrdocs development set (see README.md).
"""

import json
import pathlib

HERE = pathlib.Path(__file__).parent

# fmt: off
MAIN = {
    "brezhan-protests-2031": ("Bread protests in Brezhan and Lumora and their crackdown", "2031-03-14/2031-03-22", "001 002 003 004 005"),
    "castreva-executions-2031": ("Executions in Castreva in 2031 (annual tallies)", "2031-01-01/2031-12-31", "006 007 008 009"),
    "kavrin-disappearances": ("Enforced disappearances in Kavrin province", "2029-09/2032-10", "010 011 012 013"),
    "tolvik-detention-abuse": ("Torture and deaths in custody at Tolvik Detention Centre No. 3", "2030-01/2032-07", "014 015 016"),
    "mirrow-valley-offensive-2032": ("Army offensive in the Mirrow Valley: killings and displacement", "2032-04-02/2032-05", "017 018 019 020"),
    "lumora-students-trial-2032": ("Mass trial of Lumora University students", "2032-06-28", "021 022"),
    "corvel-square-1992": ("Corvel Square massacre, Ardel", "1992-11-04", "023 024"),
}

ALSO_IN = {
    "castreva-executions-2030": ["006", "007"],
    "castreva-executions-2032": ["009"],
    "tolvik-cement-strike-2029": ["009"],
    "brezhan-protests-2031": ["007", "009", "021", "022"],
    "tolvik-extremist-cell-2032": ["016"],
    "mirrow-valley-fighting-2029": ["017"],
}

ALIASES = {
    "Castrevan Centre for Human Rights": ["castrevan centre for human rights", "centre for human rights", "cchr", "centre"],
    "Castrevan Interior Ministry": ["castrevan interior ministry", "interior ministry", "ministry", "piet sandovar", "sandovar"],
    "Castrevan government": ["government of castreva", "government", "officials", "authorities"],
    "Castrevan police": ["police"],
    "Concord of Nations human rights office": ["concord of nations", "human rights office", "amira delacroix", "delacroix"],
    "Castrevan Democratic Alliance": ["castrevan democratic alliance", "democratic alliance", "alliance", "cda", "lena mirosh", "mirosh"],
    "Concord of Nations Special Rapporteur on Castreva": ["special rapporteur", "rapporteur", "ingrid solvang", "solvang", "expert"],
    "Lantern Coalition Against the Death Penalty": ["lantern", "coalition", "martin oyelaran", "oyelaran"],
    "Aurora Rights International": ["aurora rights", "ari", "dalia renholm", "renholm"],
    "Judiciary of Castreva": ["judiciary", "emil tarcsay", "tarcsay"],
    "Kavrin Families Association": ["kavrin families association", "families association", "kfa", "association", "jonas bereth", "bereth"],
    "Concord of Nations Panel on Enforced Disappearances": ["panel on enforced disappearances", "panel", "concord of nations"],
    "Lidia Karo": ["lidia karo", "karo"],
    "Hanna Halik": ["hanna halik", "halik"],
    "Brezhan Central Hospital": ["brezhan central hospital", "hospital register", "hospital"],
    "Tolvik Prisoners' Aid": ["tolvik prisoners' aid", "prisoners' aid", "tpa", "prisoners' support group", "prisoners' group", "sabina oltean", "oltean"],
    "Tolvik parliamentary commission": ["parliamentary commission", "commission", "karel voss", "voss"],
    "Concord of Nations Refugee Office": ["concord of nations refugee office", "refugee office", "cnro", "tomas ferrand", "ferrand", "concord of nations"],
    "Border Aid Network": ["border aid network", "border aid", "ban"],
    "Ulmerian Interior Ministry": ["ulmerian interior ministry", "ulmerian officials", "ulmerian authorities", "ulmerian"],
    "Castrevan General Staff": ["general staff", "armed forces", "army", "stefan ludvik", "ludvik"],
    "Lumora Special Court": ["lumora special court", "special court", "court", "henrik aust", "aust"],
    "Lumora prosecutors": ["prosecutors", "prosecution"],
    "Corvel Square government commission": ["government commission", "official commission", "commission"],
    "Ardel Memorial Society": ["ardel memorial society", "memorial society"],
    "Elena Vrask": ["elena vrask", "vrask"],
    "The Ardel Courier": ["ardel courier", "courier"],
    "Ardel hospitals": ["hospitals in ardel", "hospitals"],
}

_CCHR = ["castrevan centre for human rights", "cchr", "centre for human rights"]
_CSNA = ["csna", "castrevan state news agency"]
_ARI = ["aurora rights international", "aurora rights", "ari"]
OUTLETS = {
    "001": _CCHR, "002": _CSNA, "003": ["continental press agency", "cpa"], "004": ["free castreva"],
    "005": ["concord of nations", "human rights office"], "006": ["lantern", "coalition"], "007": _ARI,
    "008": ["the patriot", "patriot"], "009": ["northsea tribune", "tribune"],
    "010": ["kavrin families association", "kfa"], "011": _CCHR, "012": ["concord of nations", "panel"],
    "013": ["ardel courier", "courier"], "014": _ARI, "015": ["kestrel news", "kestrel"], "016": _CSNA,
    "017": ["concord of nations refugee office", "refugee office", "cnro"], "018": ["border aid network", "ban"],
    "019": ["voice of castreva"], "020": ["northsea tribune", "tribune"], "021": _CCHR,
    "022": ["the patriot", "patriot"], "023": ["ardel courier", "courier"], "024": ["freelore"],
}  # fmt: skip

MAIN_OF = {d: key for key, (_, _, docs) in MAIN.items() for d in docs.split()}
CLAIMS: list[dict[str, object]] = []


def fig(doc, quote, value, category, qualifier="exact", *, low=None, high=None, magnitude=None,
        q_also=(), c_also=(), any_category=False, src=None, src_also=(), unscored=False,
        event=None, required=True, note=None):  # fmt: skip
    entry = {
        "doc": doc, "quote": quote, "value": value, "low": low, "high": high,
        "qualifier": qualifier, "qualifier_also": list(q_also), "magnitude": magnitude,
        "category": category, "category_also": list(c_also), "any_category": any_category,
        "attributed_to": src, "attributed_to_also": list(src_also), "source_unscored": unscored,
        "event": event or MAIN_OF[doc], "required": required,
    }  # fmt: skip
    if note:
        entry["note"] = note
    CLAIMS.append(entry)


def vague(doc, quote, magnitude, category, **kw):
    fig(doc, quote, None, category, "vague", magnitude=magnitude, **kw)


def span(doc, quote, low, high, category, **kw):
    fig(doc, quote, low, category, "range", low=low, high=high, **kw)


CCHR, MOI, GOV = (
    "Castrevan Centre for Human Rights",
    "Castrevan Interior Ministry",
    "Castrevan government",
)
CON, CDA, SR = (
    "Concord of Nations human rights office",
    "Castrevan Democratic Alliance",
    "Concord of Nations Special Rapporteur on Castreva",
)
LANTERN, ARI, JUD = (
    "Lantern Coalition Against the Death Penalty",
    "Aurora Rights International",
    "Judiciary of Castreva",
)
KFA, PANEL, TPA = (
    "Kavrin Families Association",
    "Concord of Nations Panel on Enforced Disappearances",
    "Tolvik Prisoners' Aid",
)
VOSS, CNRO, BAN = (
    "Tolvik parliamentary commission",
    "Concord of Nations Refugee Office",
    "Border Aid Network",
)
ULM, ARMY, COURT = "Ulmerian Interior Ministry", "Castrevan General Staff", "Lumora Special Court"
COMM, AMS = "Corvel Square government commission", "Ardel Memorial Society"
ME = [None]  # the document's own voice is also acceptable

# 001 CCHR report (monitor's own voice)
fig("001", "at least 47 killed as security forces crushed bread protests", 47, "killed", "at_least", note="headline; 'Brezhan:' is a place, not a source")
fig("001", "at least 47 killed as security forces crushed bread protests", 47, "killed", "at_least", required=False, note="second copy of the headline")
fig("001", "has verified the names of 47 people killed during these eight days", 47, "killed", src=CCHR, src_also=ME)
fig("001", "among them six children", 6, "killed", src=CCHR, src_also=ME)
fig("001", "families of a further 11 people say their relatives were shot but have not been able to recover the bodies", 11, "killed", c_also=["victims", "injured"], unscored=True, required=False, note="shot, bodies not recovered: dead is likely, not stated")
fig("001", "at least 47 people were killed, 39 of them in Brezhan", 47, "killed", "at_least")
fig("001", "39 of them in Brezhan", 39, "killed")
fig("001", "more than 300 protesters and bystanders were injured", 300, "injured", "more_than")
fig("001", "including 28 who lost an eye to rubber bullets", 28, "injured")
fig("001", "2,150 people were arrested, most of them in the first four days", 2150, "arrested")
fig("001", "412 of those arrested remain in custody", 412, "detained")
fig("001", "96 are held without charge in the Brezhan police headquarters", 96, "detained")
fig("001", "it found that at least 19 of the dead were shot in the head or chest", 19, "killed", "at_least", src=CCHR, src_also=ME, note="'it' is the Centre; 'the same method' is no source")
fig("001", "Two of the dead, Amos Vell (17) and Irena Saska (54), died in custody", 2, "killed", note="the ages in parentheses are no counts")
fig("001", "The Interior Ministry put the number of dead at nine", 9, "killed", src=MOI)
fig("001", "four of them police officers", 4, "killed", src=MOI)

# 002 state news agency
fig("002", "nine people had lost their lives in the unrest", 9, "killed", src=MOI)
fig("002", 'including four police officers who were "murdered by armed rioters"', 4, "killed", src=MOI)
fig("002", "112 members of the security forces were injured", 112, "injured", src=MOI)
fig("002", "17 of them seriously", 17, "injured", src=MOI)
fig("002", "Some 600 rioters have been detained and will be brought before the courts", 600, "detained", "approximately", c_also=["arrested"], src=MOI)
fig("002", "Around 230 of them have already been released after signing pledges", 230, "detained", "approximately", any_category=True, src=MOI, required=False, note="released")
fig("002", "They speak of fifty dead.", 50, "killed", unscored=True, note="the rights centres' figure, quoted by the spokesman who disputes it: he is not its source")

# 003 wire story
fig("003", "as many as 60 people were killed", 60, "killed", "at_most", src=CON)
vague("003", "It said thousands had been arrested", "thousands", "arrested", src=CON, note="'It' is the office, named two sentences before")
fig("003", "among them at least 40 journalists", 40, "arrested", "at_least", src=CON)
fig("003", "at least 40 journalists and 14 lawyers", 14, "arrested", "at_least", q_also=["exact"], src=CON)
fig("003", "The government says nine people died", 9, "killed", src=GOV, src_also=[MOI])
fig("003", "four of them police officers", 4, "killed", src=GOV, src_also=[MOI])
fig("003", "has recorded 47 deaths", 47, "killed", src=CCHR)
fig("003", "more than 300 injuries", 300, "injured", "more_than", src=CCHR)
fig("003", "puts the toll at over 100", 100, "killed", "more_than", src=CDA)
fig("003", "I counted eleven bodies on the bridge", 11, "victims", c_also=["killed"], unscored=True, note="a baker named by first name only")

# 004 opposition outlet
fig("004", "Over 100 martyrs in Brezhan massacre: Democratic Alliance", 100, "killed", "more_than", src=CDA, note="headline attribution after a colon")
fig("004", "Over 100 martyrs in Brezhan massacre: Democratic Alliance", 100, "killed", "more_than", src=CDA, required=False, note="second copy of the headline")
fig("004", "compiled a list of 104 people killed in Brezhan and Lumora", 104, "killed", src=CDA)
fig("004", "the list includes 9 women", 9, "killed", src=CDA)
fig("004", "9 women and 13 children", 13, "killed", src=CDA)
fig("004", "the far lower count of 47 dead", 47, "killed", src=CCHR, note="the Interior Ministry disputes it: not its source")
fig("004", "more than 3,000 people were detained in the first week", 3000, "detained", "more_than", c_also=["arrested"], src=CDA)
vague("004", "hundreds are still missing", "hundreds", "disappeared", src=CDA)
fig("004", "at least 25 of the detained had been tortured", 25, "tortured", "at_least", src=CDA)
fig("004", "listing 61 gunshot patients admitted on 15 March alone", 61, "injured", src_also=["Brezhan Central Hospital"])

# 005 Special Rapporteur press release
span("005", "between 47 and 60 people were killed", 47, 60, "killed", src=SR)
fig("005", "including at least six children", 6, "killed", "at_least", src=SR)
fig("005", "more than 2,000 people were arrested in a matter of days", 2000, "arrested", "more_than", src=SR)
vague("005", "the continued detention of hundreds of people", "hundreds", "detained", src=SR, src_also=ME)
fig("005", "some 400 people remain in detention", 400, "detained", "approximately", src=SR, src_also=ME)
fig("005", "Among those detained are 31 students from Lumora University", 31, "detained", src=SR, src_also=ME)
fig("005", "at least 12 detainees were subjected to torture", 12, "tortured", "at_least", src=SR)
fig("005", "two people died in custody in Brezhan", 2, "killed", src=SR)
fig("005", "Relatives of at least five victims have been told", 5, "killed", "at_least", c_also=["victims"], required=False, note="the dead whose bodies are withheld; a side figure")

# 006 Lantern annual report (the coalition's own voice)
fig("006", "Executions in 2031 312", 312, "executed", required=False, note="key-figures box")
fig("006", "Executions in 2030 205", 205, "executed", event="castreva-executions-2030", required=False, note="key-figures box")
fig("006", "Women executed 14", 14, "executed", required=False, note="key-figures box")
fig("006", "Public executions 6", 6, "executed", required=False, note="key-figures box")
fig("006", "Castreva executed at least 312 people in 2031", 312, "executed", "at_least", src=LANTERN, src_also=[None, ARI])
fig("006", "the 205 executions recorded in 2030", 205, "executed", src=LANTERN, src_also=[None, ARI], event="castreva-executions-2030")
fig("006", "Among those executed were at least 14 women", 14, "executed", "at_least")
fig("006", "three people who were under 18 at the time of the alleged offence", 3, "executed", "at_least", q_also=["exact"])
fig("006", "More than half of all executions - 176 - were for drug offences", 176, "executed", q_also=["more_than"], note="the number after a list dash; 'more than half' is no count")
fig("006", 'and 41 people were executed on "enmity against the state" charges', 41, "executed")
fig("006", "Only 38 of the 312 executions were announced by official sources", 38, "executed")
fig("006", "Only 38 of the 312 executions were announced by official sources", 312, "executed", required=False, note="the total again")
fig("006", "306 were executed by hanging inside Tolvik and Halmar prisons", 306, "executed")
fig("006", "six were hanged in public", 6, "executed")
fig("006", "At least 95 people were sentenced to death during the year", 95, "sentenced", "at_least")
fig("006", "more than 3,000 prisoners are on death row", 3000, "sentenced", "more_than", c_also=["imprisoned"], src=LANTERN, src_also=ME)

# 007 ARI press release
fig("007", "claimed 312 lives in 2031", 312, "executed", c_also=["killed"], note="headline")
fig("007", "claimed 312 lives in 2031", 312, "executed", c_also=["killed"], required=False, note="second copy of the headline")
fig("007", "carried out at least 312 executions in 2031", 312, "executed", "at_least", src=ARI, src_also=ME)
fig("007", "documented the cases of 41 men who were hanged", 41, "executed", src=ARI, src_also=ME, note="'The organisation' is ARI")
fig("007", "among them 11 men arrested during the Brezhan protests of March 2031", 11, "executed", c_also=["arrested"], src=ARI, src_also=ME, note="11 of the hanged men; they had been arrested at the protests")
fig("007", "at least 29 of the 41 were tortured during interrogation", 29, "tortured", "at_least", src=ARI, src_also=ME)
fig("007", "the true number of executions could be over 400", 400, "executed", "more_than", src=ARI)
fig("007", "death sentences against at least 95 people in 2031", 95, "sentenced", "at_least", src=ARI, src_also=ME)
fig("007", "including eight protesters", 8, "sentenced", src=ARI, src_also=ME)
fig("007", "the sentences of the 8 to be quashed", 8, "sentenced", src=ARI, src_also=ME, required=False, note="the same eight again")
fig("007", "In 2030, ARI recorded 205 executions in Castreva", 205, "executed", src=ARI, src_also=ME, event="castreva-executions-2030")

# 008 pro-government daily
fig("008", "the sentences of only 61 convicted drug traffickers and murderers had been carried out in 2031", 61, "executed", src=JUD)
fig("008", "every one of the 61 had received a fair trial", 61, "executed", src=JUD, required=False, note="the same 61 again")
fig("008", "claims that more than 300 people had been put to death", 300, "executed", "more_than", unscored=True, note="the judiciary disputes it; the organisations are not named here")
fig("008", "had commuted the death sentences of 142 prisoners", 142, "sentenced", any_category=True, src=JUD, required=False, note="commuted sentences")
fig("008", "27 members of a drug trafficking network, arrested in Ardel last summer, had been sentenced to death in January", 27, "sentenced", c_also=["arrested"], src=JUD)

# 009 foreign newspaper feature
fig("009", "was one of at least 312 people executed in Castreva last year", 312, "executed", "at_least", src=LANTERN)
fig("009", "Officials say 61 executions took place", 61, "executed", src=GOV, src_also=[JUD])
fig("009", "as many as 70 prisoners were hanged in 2031", 70, "executed", "at_most", unscored=True, note="families and former inmates")
span("009", "often in groups of five or six", 5, 6, "executed", unscored=True, required=False, note="people hanged at a time")
fig("009", "grew by 64 new graves between January and December", 64, "victims", c_also=["executed"], required=False, note="graves, read from satellite images; a proxy for the dead")
fig("009", "At least 23 people have been executed since 1 January", 23, "executed", "at_least", src=LANTERN, event="castreva-executions-2032")
fig("009", "among them two men convicted over the Brezhan protests", 2, "executed", src=LANTERN, event="castreva-executions-2032")
fig("009", "a further 9 protesters were at imminent risk of execution", 9, "sentenced", src=LANTERN, event="castreva-executions-2032", required=False, note="at risk of execution: on death row, not said so")
fig("009", "arrested in 2029 with six co-workers", 6, "arrested", event="tolvik-cement-strike-2029", src="Hanna Halik", src_also=ME, required=False)
fig("009", 'all seven were sentenced to death for "sabotage"', 7, "sentenced", src="Hanna Halik", src_also=ME, event="tolvik-cement-strike-2029")
fig("009", "Four of them have been executed", 4, "executed", src="Hanna Halik", src_also=ME)
fig("009", "the fate of the other three is unknown", 3, "disappeared", c_also=["sentenced"], src="Hanna Halik", src_also=ME, required=False)

# 010 families' association statement
fig("010", "1,312 Kavri still unaccounted for", 1312, "disappeared", note="headline")
fig("010", "has registered 1,312 people whose whereabouts remain unknown", 1312, "disappeared", src=KFA, src_also=ME)
fig("010", "Of these, 1,104 are men", 1104, "disappeared", src=KFA, src_also=ME)
fig("010", "171 are women", 171, "disappeared", src=KFA, src_also=ME)
fig("010", "37 are children", 37, "disappeared", src=KFA, src_also=ME)
fig("010", "lodged complaints with the prosecutor in 906 cases", 906, "disappeared", required=False, note="complaints filed, not people")
fig("010", "148 new cases were reported to us", 148, "disappeared", src=KFA, src_also=ME)
fig("010", "nearly three a week", 3, "disappeared", "approximately", required=False, note="a rate")
fig("010", "the bodies of 52 people who had been reported missing were returned to families or found in the forests", 52, "victims", c_also=["killed", "disappeared"])
fig("010", "at least 260 people who reappeared in official detention", 260, "detained", "at_least", c_also=["disappeared", "arrested"])

# 011 CCHR thematic report
fig("011", "has documented the enforced disappearance of at least 870 people", 870, "disappeared", "at_least", src=CCHR, src_also=ME)
fig("011", "2029 (Sept.-Dec.) 214", 214, "disappeared", required=False, note="table row")
fig("011", "2030 388", 388, "disappeared", required=False, note="table row")
fig("011", "2031 201", 201, "disappeared", required=False, note="table row")
fig("011", "2032 (Jan.-Apr.) 67", 67, "disappeared", required=False, note="table row")
fig("011", "Of the 870, 512 remain forcibly disappeared", 512, "disappeared", src=CCHR, src_also=ME)
fig("011", "Of the 870, 512 remain forcibly disappeared", 870, "disappeared", src=CCHR, src_also=ME, required=False, note="the total again")
fig("011", "301 were later located in official detention centres", 301, "detained", c_also=["disappeared"], src=CCHR, src_also=ME)
fig("011", "the remaining 57 were found dead", 57, "victims", c_also=["killed"], src=CCHR, src_also=ME)
fig("011", "puts the number of missing higher, at 1,312", 1312, "disappeared", src=KFA)
fig("011", "interviewed 214 relatives and 38 former detainees", 38, "detained", any_category=True, src=CCHR, src_also=ME, required=False, note="people interviewed")
fig("011", "At least 40 of the released detainees told the Centre that they had been subjected to torture", 40, "tortured", "at_least", src=CCHR, src_also=ME)

# 012 Concord of Nations panel
fig("012", "transmitted 244 newly reported cases to the Government of Castreva", 244, "disappeared", src=PANEL, src_also=ME)
fig("012", "of the 1,021 Castrevan cases on its books since 2029", 1021, "disappeared", src=PANEL, src_also=ME)
fig("012", "only 96 have been clarified by the Government", 96, "disappeared", any_category=True, src=PANEL, src_also=ME, required=False, note="cases clarified")
fig("012", "up to 30 persons whose cases it had transmitted were killed in custody", 30, "killed", "at_most", src=PANEL, src_also=ME, note="allegations the panel received")
fig("012", "19 bodies were found in March 2032", 19, "victims", c_also=["killed"], unscored=True, note="local sources")
fig("012", 'stated that 88 of the individuals concerned were "serving sentences for terrorist offences"', 88, "imprisoned", c_also=["sentenced"], src=GOV)
fig("012", "the Panel will consider the cases of 17 persons who", 17, "disappeared", src=PANEL, src_also=ME, required=False, note="truncated last sentence")

# 013 local newspaper: the mothers' march
fig("013", "Mothers of Kavrin's missing march in Lumora; 37 held", 37, "detained", c_also=["arrested"], note="headline")
fig("013", "Mothers of Kavrin's missing march in Lumora; 37 held", 37, "detained", c_also=["arrested"], required=False, note="second copy of the headline")
fig("013", "Police detained 37 people on Saturday", 37, "detained", c_also=["arrested"], unscored=True, note="witnesses said")
vague("013", "as several hundred women", "hundreds", "protesters", required=False, note="crowd size")
fig("013", "Police said 12 of the 37 were later released with a fine", 12, "detained", any_category=True, src="Castrevan police", required=False, note="released")
fig("013", "By the association's count, 1,312 people are unaccounted for", 1312, "disappeared", src=KFA)
fig("013", "has documented at least 870 cases", 870, "disappeared", "at_least", src=CCHR)
fig("013", "her husband and two brothers were taken from their farm", 2, "disappeared", src="Lidia Karo", required=False, note="two of three people taken")
fig("013", "Three men, and not one word in two years", 3, "disappeared", src="Lidia Karo", required=False)
fig("013", "at least four women were taken to hospital", 4, "injured", "at_least", src_also=["The Ardel Courier"])

# 014 ARI report on Tolvik
fig("014", "at least nine men died in custody at Tolvik Detention Centre No. 3", 9, "killed", "at_least", src_also=[ARI])
fig("014", "41 of the 49 former detainees interviewed said they were subjected to torture or other ill-treatment", 41, "tortured", src_also=[ARI], unscored=True)
fig("014", "interviewed 63 former detainees, relatives and medical staff", 63, "detained", any_category=True, required=False, note="people interviewed, not all of them detained")
fig("014", "41 of the 49 former detainees interviewed", 49, "detained", any_category=True, required=False, note="people interviewed")
fig("014", "At least 20 detainees were flogged in the prison yard", 20, "tortured", "at_least", src_also=[ARI], unscored=True, note="according to six witnesses")
fig("014", "In at least five of the nine deaths, ARI found evidence consistent with torture", 5, "killed", "at_least", src=ARI, src_also=ME, note="deaths under torture")
fig("014", "In at least five of the nine deaths, ARI found evidence consistent with torture", 5, "tortured", "at_least", src=ARI, src_also=ME, required=False, note="the second figure of deaths under torture")
fig("014", "In at least five of the nine deaths, ARI found evidence consistent with torture", 9, "killed", src=ARI, src_also=ME, required=False, note="the nine again")
fig("014", "The families of two of the dead were forced to sign statements", 2, "killed", required=False)
fig("014", "up to 40 people held in cells built for 12", 40, "detained", "at_most", any_category=True, required=False, note="people per cell")
vague("014", "Hundreds of detainees were locked up for weeks without access to a lawyer", "hundreds", "detained", src_also=[ARI])

# 015 independent news site
fig("015", "Tolvik deaths: prisoners' group says 17 have died since 2030", 17, "killed", src=TPA, note="headline")
fig("015", "17 detainees had died in Tolvik Detention Centre No. 3 since early 2030", 17, "killed", src=TPA, note="'a prisoners' support group', named in the next sentence")
fig("015", "at least 11 of the 17 died as a result of torture or denial of medical care", 11, "killed", "at_least", src=TPA, note="'It' is TPA")
fig("015", "at least 11 of the 17 died as a result of torture or denial of medical care", 11, "tortured", "at_least", src=TPA, required=False, note="the second figure of deaths under torture")
fig("015", "The nine in the ARI report", 9, "killed", src=ARI, src_also=[TPA], required=False, note="a reference back to ARI's figure")
fig("015", "The Interior Ministry said two detainees had died in Tolvik in the period", 2, "killed", src=MOI)
fig("015", "about 1,800 people are currently held in the centre", 1800, "detained", "approximately", src=TPA)
fig("015", "some 350 of them are held without charge", 350, "detained", "approximately", src=TPA)

# 016 state news agency on the commission
fig("016", "the two deaths recorded at the centre since 2030", 2, "killed", src=VOSS)
fig("016", "the figure of 17 deaths given by a local group", 17, "killed", unscored=True, note="Voss disputes it; the group is not named here")
fig("016", "had spoken to 30 detainees chosen at random", 30, "detained", any_category=True, src=VOSS, required=False, note="people interviewed")
fig("016", "The centre currently holds 1,420 people", 1420, "detained", src=VOSS)
fig("016", 'police in Tolvik arrested 14 members of an "extremist cell"', 14, "arrested", src=MOI, event="tolvik-extremist-cell-2032")

# 017 refugee office briefing
vague("017", "tens of thousands flee as fighting spreads", "tens_of_thousands", "displaced", note="headline")
fig("017", "an estimated 85,000 people have been forced to flee their homes", 85000, "displaced", "approximately", src=CNRO, src_also=ME)
fig("017", "some 31,000 have been driven across the border into Ulmeria", 31000, "displaced", "approximately", src=CNRO, src_also=ME)
fig("017", "registered 2,300 unaccompanied children in the first two weeks", 2300, "displaced", src=CNRO, src_also=ME)
vague("017", "dozens of civilians were killed trying to reach the border", "dozens", "killed", src=CNRO, src_also=ME)
fig("017", "around 12,000 people displaced by earlier fighting in 2029", 12000, "displaced", "approximately", src=CNRO, src_also=ME, event="mirrow-valley-fighting-2029")

# 018 humanitarian field update
fig("018", "have treated 1,146 patients since 9 April", 1146, "injured", any_category=True, required=False, note="patients, not all of them hurt")
fig("018", "among them 187 people with blast or gunshot wounds", 187, "injured")
fig("018", "BAN estimates that at least 212 civilians were killed in the valley", 212, "killed", "at_least", src=BAN, src_also=ME, note="the households surveyed are a method, not a source")
fig("018", "including 58 children", 58, "killed", src=BAN, src_also=ME)
fig("018", "found the bodies of 38 people in a ravine outside the village", 38, "victims", c_also=["killed"])
fig("018", "BAN staff were able to confirm 38 bodies", 38, "victims", c_also=["killed"], src=BAN, src_also=ME, required=False, note="the same bodies again")
fig("018", "Total casualties treated in our two mobile clinics in the valley: 420", 420, "victims", c_also=["injured"])
fig("018", "(dead on arrival: 31)", 31, "killed", note="a count in parentheses")
fig("018", "The number of new arrivals in Ulmeria exceeded 40,000", 40000, "displaced", "more_than", src=ULM)
fig("018", "more than 9,000 people now share 60 latrines", 9000, "displaced", "more_than", required=False, note="camp population")

# 019 state radio on the offensive
fig("019", "General Staff: 140 terrorists neutralised", 140, "killed", src=ARMY, note="the colon names the source before the figure")
fig("019", "2,600 residents evacuated to safety", 2600, "displaced", src=ARMY)
fig("019", "140 terrorists had been killed", 140, "killed", src=ARMY)
fig("019", "65 captured since 2 April", 65, "arrested", c_also=["detained"], src=ARMY)
fig("019", "Eleven soldiers lost their lives", 11, "killed", src=ARMY)
fig("019", "34 were wounded in the fighting", 34, "injured", src=ARMY)
fig("019", "2,600 residents of the border villages had been evacuated", 2600, "displaced", src=ARMY)
fig("019", "the claim that 212 civilians had been killed", 212, "killed", unscored=True, note="Ludvik disputes it: he is not its source")

# 020 foreign newspaper from the camps
fig("020", "Today it holds more than 22,000 people who fled", 22000, "displaced", "more_than")
fig("020", "put the total number of refugees from the valley at 46,000", 46000, "displaced", src=ULM)
fig("020", "up from 31,000 in mid-April", 31000, "displaced", src=ULM)
span("020", "between 50,000 and 60,000 people are internally displaced", 50000, 60000, "displaced", src=CNRO)
fig("020", "says at least 212 civilians were killed in April alone", 212, "killed", "at_least", src=BAN)
fig("020", "The toll included 58 children", 58, "killed", src=BAN)
fig("020", "58 children and 19 women", 19, "killed", src=BAN)
fig("020", "puts its own losses at 11", 11, "killed", src=ARMY)
fig("020", "It documented 96 civilians who are missing and believed to be dead", 96, "killed", c_also=["disappeared", "victims"], src=CCHR, note="'It' is the Centre, named in the sentence before")

# 021 CCHR trial monitoring
fig("021", "74 Lumora University students in the dock", 74, "other", any_category=True, required=False, note="on trial; headline")
fig("021", "74 Lumora University students in the dock", 74, "other", any_category=True, required=False, note="on trial; second copy of the headline")
fig("021", "the mass trial of 74 students and two lecturers", 74, "other", any_category=True, required=False, note="on trial")
fig("021", "74 students and two lecturers arrested after the March 2031 protests", 2, "other", any_category=True, required=False, note="on trial")
fig("021", '2 students were sentenced to death for "armed rebellion"', 2, "sentenced")
fig("021", "23 were sentenced to prison terms of between five and 15 years", 23, "imprisoned", c_also=["sentenced"], note="'between five and 15' is a term of years")
fig("021", "31 received suspended sentences or fines", 31, "sentenced", any_category=True, required=False, note="convictions without prison")
fig("021", "20, including both lecturers, were acquitted", 20, "other", any_category=True, required=False, note="acquitted")
fig("021", "at least 51 defendants were held in solitary confinement", 51, "detained", "at_least", src=CCHR, src_also=ME)
fig("021", "16 told the court they had been beaten or otherwise ill-treated during interrogation", 16, "tortured", src=CCHR, src_also=ME)
fig("021", "The two students sentenced to death", 2, "sentenced", required=False, note="the same two again; the ages in parentheses are no counts")
fig("021", "counts 1,240 people still imprisoned in connection with the 2031 protests", 1240, "imprisoned", src=CCHR, src_also=ME, event="brezhan-protests-2031")
fig("021", "among them 208 students", 208, "imprisoned", src=CCHR, src_also=ME, event="brezhan-protests-2031")

# 022 pro-government daily on the verdicts
fig("022", 'convicted 56 of the "students"', 56, "sentenced", any_category=True, required=False, note="convictions")
fig("022", "sentenced two ringleaders to death", 2, "sentenced", src_also=[COURT])
fig("022", "Twenty-three were jailed for up to 15 years", 23, "imprisoned", c_also=["sentenced"], note="'up to 15 years' is a term, not the count's qualifier")
fig("022", "Defence claims that 16 defendants were mistreated in pre-trial detention", 16, "tortured", unscored=True, note="the court rejects the defence's claim")
fig("022", "all 74 students had been lawfully detained", 74, "detained", src="Lumora prosecutors", required=False, note="the defendants, said to be lawfully held")
fig("022", "police briefly detained a dozen relatives", 12, "detained", "approximately", q_also=["exact"], c_also=["arrested"])
fig("022", "four police officers were murdered by rioters in Brezhan in March 2031", 4, "killed", event="brezhan-protests-2031")

# 023 local newspaper on the anniversary
fig("023", "The official figure, published by a government commission in 1993, is 41 dead", 41, "killed", src=COMM)
fig("023", "is 41 dead and 160 wounded", 160, "injured", src=COMM)
span("023", "puts the number of dead at between 300 and 1,200", 300, 1200, "killed", src=AMS)
fig("023", "says more than 2,000 people were arrested in the days that followed", 2000, "arrested", "more_than", src=AMS)
fig("023", "Of those, 430 were sentenced by military tribunals", 430, "sentenced", src_also=[AMS], required=False, note="convictions")
fig("023", "12 were executed by firing squad in 1993", 12, "executed", src_also=[AMS])
fig("023", "He is one of 214 people on our list whose whereabouts are still unknown", 214, "disappeared", src="Elena Vrask", src_also=[AMS])
fig("023", "The remains of 96 people were exhumed", 96, "victims", c_also=["killed"])
fig("023", "so far only 23 have been identified through DNA testing", 23, "victims", c_also=["killed"], required=False)
fig("023", "A plaque unveiled on the square on Sunday names 512 victims", 512, "killed", c_also=["victims"])

# 024 encyclopedia mirror
fig("024", "Deaths 41 (official)", 41, "killed", src_also=[COMM], required=False, note="infobox")
span("024", "300–1,200 (Ardel Memorial Society)", 300, 1200, "killed", src=AMS, src_also=ME, required=False, note="infobox")
fig("024", "Injured 160+", 160, "injured", "more_than", required=False, note="infobox")
fig("024", "Estimates of the number of dead range from 41, the figure of the official commission", 41, "killed", q_also=["range"], src=COMM, src_also=ME)
fig("024", "to as many as 1,200", 1200, "killed", "at_most", q_also=["range"], src_also=[AMS])
fig("024", "a crowd of some 15,000 people gathered in the square", 15000, "protesters", "approximately", required=False, note="crowd size")
fig("024", "Hospitals in Ardel reported admitting over 600 wounded that night", 600, "injured", "more_than", src="Ardel hospitals", src_also=["The Ardel Courier"])
fig("024", "Over the following week more than 2,000 people were arrested", 2000, "arrested", "more_than")
vague("024", "Dozens of the detained were never seen again", "dozens", "disappeared")
fig("024", "the Memorial Society listed 214 people as forcibly disappeared", 214, "disappeared", src=AMS)
fig("024", "A mass grave containing the remains of 96 people", 96, "victims", c_also=["killed"])

# fmt: on


def build() -> dict[str, object]:
    events = {
        key: {"label": label, "when": when, "docs": docs.split()}
        for key, (label, when, docs) in MAIN.items()
    }
    return {
        "description": "Gold figures for the hrfiction corpus: fictional documents written for tolltrace, gold written by hand (see README.md).",
        "claims": CLAIMS,
        "events": events,
        "events_also_in": ALSO_IN,
        "aliases": ALIASES,
        "outlets": OUTLETS,
    }


if __name__ == "__main__":
    (HERE / "gold.json").write_text(
        json.dumps(build(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote gold.json: {len(CLAIMS)} figures")
