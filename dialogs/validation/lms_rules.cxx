// What an LMS tracks (issue 12, item 4; template 1.2): the Certifications sheet.
// I-CERT-EXPIRED notes a certification that expired before the end of the fiscal year with no
// renewal activity. It is an information note, never an error: the 1 % law (CQLR c. D-8.3 and
// r. 3) says nothing of certifications (../shared/law-facts.md; the reform reported in seed 000,
// which mentions certification tracking, was not found in force: docs/template-layout.md,
// Interpretations). A renewal activity that is not listed is D-UNKNOWN-REF (data_rules.cxx),
// as for every other ID.
#include "rule_passes.hxx"

namespace onepercent::validation
{
void check_certifications(const TemplateView& view, const TemplateData& data, FindingList& findings)
{
    const std::optional<int> year = data.year();
    if (!year || !view[SheetKey::certifications].found())
        return;
    // "Expires on" is the last day the certification is valid: one that expires on 31
    // December is still valid at the end of the year.
    const long year_end = days_from_civil(CivilDate{*year, 12, 31});
    for (const CertificationRecord& record : data.certifications)
    {
        if (!record.expires_on.given())
            continue;
        findings.count("I-CERT-EXPIRED");
        const CivilDate expires = date_of_serial(record.expires_on.value, view.null_date);
        if (days_from_civil(expires) >= year_end)
            continue;
        // A renewal stated (listed, or D-UNKNOWN-REF), unreadable (T-ERROR-VALUE) or a column
        // missing (T-MISSING-COLUMN): nothing to note here.
        if (!record.renewal_activity.id.empty())
            continue;
        const std::string date = iso_date_text(expires);
        const std::string employee = record.employee.id.given() ? record.employee.id.value : "?";
        const std::string what =
            record.certification.given() ? record.certification.value : std::string("?");
        const CellRef& renewal = record.renewal_activity.id.ref;
        const std::string renewal_cell = cell_name(renewal.row, renewal.column);
        const std::string year_text = std::to_string(*year);
        findings.add_cell(
            "I-CERT-EXPIRED", record.expires_on.ref, date,
            {"the certification \"" + what + "\" of employee " + employee + " expired on " + date +
                 ", before the end of " + year_text + ", with no renewal activity",
             "la certification « " + what + " » de l'employé " + employee + " a expiré le " + date +
                 ", avant la fin de " + year_text + ", sans activité de renouvellement",
             "enter in " + renewal_cell +
                 " the ID of the activity that renewed it (Activities sheet), or plan its "
                 "renewal; a note only: the 1 % law does not require certifications",
             "saisir dans " + renewal_cell +
                 " le numéro de l'activité qui l'a renouvelée (feuille Activités), ou prévoir "
                 "son renouvellement ; une simple note : la loi du 1 % n'exige pas de "
                 "certifications"});
    }
}

} // namespace onepercent::validation
