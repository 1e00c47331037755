using Ordre.Contracts.Rules;

namespace Ordre.Discipline;

/// <summary>
/// Every deadline, duration and threshold Discipline applies, as dated rows (DOMAIN.md §3, its articles), read at
/// <c>GET /discipline/rules</c>. A decision uses the row in force on its own date (<see cref="RuleBook.InForce"/>); a
/// change in the law is a new row with a later <see cref="LegalRule.InForceFrom"/>, never an edit of an old one.
/// Dates of effect: DOMAIN.md gives none for these rules and they were not re-read here, so every row carries
/// <see cref="Unknown"/> (<see cref="LegalRule.DateNotChecked"/>: it applies to every date and GET /rules shows no date); the source says when DOMAIN marks the rule (K) (from memory)
/// or (A) (the project's default).
/// </summary>
public static class DisciplineRules
{
    /// <summary>Placeholder date of effect: the text's own date was not checked (all current texts predate any case here).</summary>
    public static readonly DateOnly Unknown = LegalRule.DateNotChecked;

    // Complaints at the departmental council (L.4123-2).
    public const string Conciliation = "complaint-conciliation";
    public const string Transmission = "complaint-transmission";
    public const string NationalTransmission = "national-transmission";
    public const string MinimumConciliators = "conciliators-minimum";
    // Chambers.
    public const string ChamberDecision = "chamber-decision";
    public const string EmergencyDecision = "emergency-decision";
    public const string EmergencyNationalDecision = "emergency-national-decision";
    public const string EmergencyHearing = "emergency-hearing";
    public const string Appeal = "appeal-to-national-chamber";
    public const string Cassation = "cassation";
    public const string AppealWhenDeadlineOmitted = "appeal-deadline-omitted";
    public const string DistanceOverseas = "distance-delay-overseas";
    public const string DistanceAbroad = "distance-delay-abroad";
    // Sanctions (L.4124-6).
    public const string MaxPracticeBan = "practice-ban-max";
    public const string MaxPublicFunctionsBan = "public-functions-ban-max";
    public const string MaxDeferral = "sanction-deferral-max";
    public const string SursisRevocation = "sursis-revocation";

    public static RuleBook Book { get; } = new(
    [
        new(Conciliation, "Accuser réception de la plainte, en informer le médecin et convoquer les parties à la conciliation, à compter de son enregistrement",
            1, RuleUnit.Months, "CSP L.4123-2", Unknown),
        new(Transmission, "Transmettre la plainte à la chambre disciplinaire de première instance avec l'avis motivé du conseil, à compter de son enregistrement",
            3, RuleUnit.Months, "CSP L.4123-2", Unknown),
        new(NationalTransmission, "Carence du conseil départemental : le président du Conseil national, saisi par le plaignant, transmet la plainte",
            1, RuleUnit.Months, "CSP L.4123-2", Unknown),
        new(MinimumConciliators, "Membres de la commission de conciliation (au moins), aucun mis en cause dans la plainte (R.4123-19)",
            3, RuleUnit.Members, "CSP L.4123-2", Unknown),
        new(ChamberDecision, "La chambre disciplinaire de première instance statue, à compter de l'enregistrement de l'affaire ; au-delà, le président de la chambre nationale peut la dépayser",
            6, RuleUnit.Months, "CSP L.4124-1 (K)", Unknown),
        new(EmergencyDecision, "Affaire ouverte après une suspension d'urgence du DG ARS : la chambre de première instance statue, à compter de sa saisine",
            2, RuleUnit.Months, "CSP L.4113-14", Unknown),
        new(EmergencyNationalDecision, "Suspension d'urgence, faute de décision de première instance : la chambre nationale statue ; à défaut la suspension prend fin",
            2, RuleUnit.Months, "CSP L.4113-14", Unknown),
        new(EmergencyHearing, "Suspension d'urgence : le DG ARS entend le médecin, à compter de la décision de suspension (jours calendaires)",
            3, RuleUnit.Days, "CSP L.4113-14", Unknown),
        new(Appeal, "Appel devant la chambre disciplinaire nationale, à compter de la notification (dernier jour reporté au jour ouvré suivant)",
            30, RuleUnit.Days, "CSP R.4126-44", Unknown),
        new(AppealWhenDeadlineOmitted, "Appel lorsque la notification n'indique pas le délai d'appel : délai porté à, à compter de la notification",
            2, RuleUnit.Months, "CSP R.4126-32, R.4126-44 (DOMAIN §3.2)", Unknown),
        new(DistanceOverseas, "Délai de distance ajouté au délai d'appel pour une partie demeurant outre-mer",
            1, RuleUnit.Months, "CSP R.4126-44 ; CPC 643 (K), question ouverte 12 (A)", Unknown),
        new(DistanceAbroad, "Délai de distance ajouté au délai d'appel pour une partie demeurant à l'étranger",
            2, RuleUnit.Months, "CSP R.4126-44 ; CPC 643 (K), question ouverte 12 (A)", Unknown),
        new(Cassation, "Pourvoi en cassation devant le Conseil d'État contre la décision de la chambre nationale, à compter de sa notification (dernier jour reporté au jour ouvré suivant)",
            2, RuleUnit.Months, "CSP R.4126-48", Unknown),
        new(MaxPracticeBan, "Durée maximale de l'interdiction temporaire d'exercer, sursis compris",
            36, RuleUnit.Months, "CSP L.4124-6 4°", Unknown),
        new(MaxPublicFunctionsBan, "Durée maximale retenue pour une interdiction temporaire de fonctions publiques (le code n'en fixe pas ; 0 = définitive)",
            120, RuleUnit.Months, "CSP L.4124-6 3° ; plafond (A)", Unknown),
        new(MaxDeferral, "Report maximal de la date d'effet d'une sanction après la décision",
            5, RuleUnit.Years, "Choix du projet (A) ; R.4126-30", Unknown),
        new(SursisRevocation, "Révocation du sursis : nouvelle interdiction pour des faits commis dans ce délai après la notification de la sanction assortie du sursis",
            5, RuleUnit.Years, "CSP L.4124-6", Unknown),
    ]);
}
