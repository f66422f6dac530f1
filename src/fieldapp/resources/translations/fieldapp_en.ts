<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<!-- English is the source language: only the plural forms (messages with %n) need entries here. -->
<context>
    <name>AgreementEditor</name>
    <message numerus="yes">
        <source>%n thing(s) missing before signing:</source>
        <translation>
            <numerusform>%n thing missing before signing:</numerusform>
            <numerusform>%n things missing before signing:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgreementHistory</name>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation>
            <numerusform>%n copy</numerusform>
            <numerusform>%n copies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) changed</source>
        <translation>
            <numerusform>%n field changed</numerusform>
            <numerusform>%n fields changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgreementPreview</name>
    <message numerus="yes">
        <source>Agreement %1, version %2 – %3, %4 – %n page(s)</source>
        <translation>
            <numerusform>Agreement %1, version %2 – %3, %4 – %n page</numerusform>
            <numerusform>Agreement %1, version %2 – %3, %4 – %n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Agreements</name>
    <message numerus="yes">
        <source>%n agreement(s)</source>
        <translation>
            <numerusform>%n agreement</numerusform>
            <numerusform>%n agreements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Employers</name>
    <message numerus="yes">
        <source>%n employer(s)</source>
        <translation>
            <numerusform>%n employer</numerusform>
            <numerusform>%n employers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message numerus="yes">
        <source>It goes from this computer now, including its %n backup file(s) (a new backup is taken afterwards) and exports in the data folder; from the other devices and the server at their next sync. Only a note without personal data remains: when, by whom and why.</source>
        <translation>
            <numerusform>It goes from this computer now, including its %n backup file (a new backup is taken afterwards) and exports in the data folder; from the other devices and the server at their next sync. Only a note without personal data remains: when, by whom and why.</numerusform>
            <numerusform>It goes from this computer now, including its %n backup files (a new backup is taken afterwards) and exports in the data folder; from the other devices and the server at their next sync. Only a note without personal data remains: when, by whom and why.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParticipantList</name>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message numerus="yes">
        <source>%n match(es) for “%1”</source>
        <translation>
            <numerusform>%n match for “%1”</numerusform>
            <numerusform>%n matches for “%1”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other record(s)</source>
        <translation>
            <numerusform>%n other record</numerusform>
            <numerusform>%n other records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n local change(s) not synced</source>
        <translation>
            <numerusform>%n local change not synced</numerusform>
            <numerusform>%n local changes not synced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) overwritten by sync</source>
        <translation>
            <numerusform>%n value overwritten by sync</numerusform>
            <numerusform>%n values overwritten by sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message numerus="yes">
        <source>%n record(s) exported to %1</source>
        <translation>
            <numerusform>%n record exported to %1</numerusform>
            <numerusform>%n records exported to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server no longer accepts this computer, so its changes cannot reach the team. Leaving the team keeps everything on this computer, also %n change(s) not yet synced, and forgets only the connection to the team and its keys. Afterwards you can connect again with a new enrollment code from the administrator; the kept changes are then sent to the team.

Leave the team?</source>
        <translation>
            <numerusform>The server no longer accepts this computer, so its changes cannot reach the team. Leaving the team keeps everything on this computer, also %n change not yet synced, and forgets only the connection to the team and its keys. Afterwards you can connect again with a new enrollment code from the administrator; the kept changes are then sent to the team.

Leave the team?</numerusform>
            <numerusform>The server no longer accepts this computer, so its changes cannot reach the team. Leaving the team keeps everything on this computer, also %n changes not yet synced, and forgets only the connection to the team and its keys. Afterwards you can connect again with a new enrollment code from the administrator; the kept changes are then sent to the team.

Leave the team?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message numerus="yes">
        <source>Planned today (%n)</source>
        <translation>
            <numerusform>Planned today (%n)</numerusform>
            <numerusform>Planned today (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Later this week (%n)</source>
        <translation>
            <numerusform>Later this week (%n)</numerusform>
            <numerusform>Later this week (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue follow-up (%n)</source>
        <translation>
            <numerusform>Overdue follow-up (%n)</numerusform>
            <numerusform>Overdue follow-up (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unfinished drafts (%n)</source>
        <translation>
            <numerusform>Unfinished drafts (%n)</numerusform>
            <numerusform>Unfinished drafts (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No problems: %n row(s) ready to import.</source>
        <translation>
            <numerusform>No problems: %n row ready to import.</numerusform>
            <numerusform>No problems: %n rows ready to import.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionSection</name>
    <message numerus="yes">
        <source>Retention period ended (%n)</source>
        <translation>
            <numerusform>Retention period ended (%n)</numerusform>
            <numerusform>Retention period ended (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PipelineTab</name>
    <message numerus="yes">
        <source>%n day(s) since referral without an employer contact.</source>
        <translation>
            <numerusform>%n day since referral without an employer contact.</numerusform>
            <numerusform>%n days since referral without an employer contact.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreJobTable</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayJobDev</name>
    <message numerus="yes">
        <source>Overdue follow-up before a job (%n)</source>
        <translation>
            <numerusform>Overdue follow-up before a job (%n)</numerusform>
            <numerusform>Overdue follow-up before a job (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next steps with employers due this week (%n)</source>
        <translation>
            <numerusform>Next steps with employers due this week (%n)</numerusform>
            <numerusform>Next steps with employers due this week (%n)</numerusform>
        </translation>
    </message>
</context>
</TS>
