package org.actrack.it.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.actrack.Connected;

@Connected
@Entity(name = "Train")
@Table(name = "it_train")
public class Train {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "it_train_seq")
    @SequenceGenerator(name = "it_train_seq", sequenceName = "it_train_seq", allocationSize = 10)
    private Long id;

    private String name;

    protected Train() {
    }

    public Train(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
